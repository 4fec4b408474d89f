import fc from 'fast-check';
import {
  CHUNK_CHARS,
  MAX_CHUNKED_CHARS,
  fromChunks,
  toChunks,
} from '../../../../functions/src/infrastructure/tables/chunked-json';
import {
  ChunkedJsonTooLargeError,
  CorruptRowError,
} from '../../../../functions/src/infrastructure/tables/storage-errors';

const highSurrogate = (text: string) => /[\uD800-\uDBFF]$/.test(text);

test('C7: chunks round-trip, stay within 30,000 units and never split a surrogate pair', () => {
  const unit = fc.constantFrom('a', 'é', '😀', '"', '\\', '\n');
  fc.assert(
    fc.property(
      fc.array(unit, { maxLength: 70_000 }),
      fc.integer({ min: 0, max: 3 }),
      (parts, pad) => {
        const json = JSON.stringify('x'.repeat(pad) + parts.join(''));
        const chunks = toChunks('state', json);
        const values = Object.values(chunks);
        expect(values.every((v) => v.length <= CHUNK_CHARS && !highSurrogate(v))).toBe(true);
        expect(fromChunks('state', chunks)).toBe(json);
      },
    ),
    { numRuns: 40 },
  );
});

test(`C7: ${MAX_CHUNKED_CHARS} characters are stored, one more is refused with a typed error`, () => {
  expect(Object.keys(toChunks('state', 'x'.repeat(MAX_CHUNKED_CHARS)))).toHaveLength(30);
  expect(() => toChunks('state', 'x'.repeat(MAX_CHUNKED_CHARS + 1))).toThrow(
    ChunkedJsonTooLargeError,
  );
});

test('a row without its first chunk is reported as corrupt', () => {
  expect(() => fromChunks('state', { state_1: 'x' })).toThrow(CorruptRowError);
});
