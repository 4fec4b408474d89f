import fc from 'fast-check';
import { canonicalJson } from '../../../../functions/src/infrastructure/tables/canonical-json';
import { chainEvents } from '../../../../functions/src/infrastructure/tables/event-row';
import { verifyChain } from '../../../../functions/src/infrastructure/tables/hash-chain';

const events = (n: number) =>
  chainEvents(
    0,
    '',
    Array.from({ length: n }, (_, i) => ({
      type: `E${i}`,
      data: { i, nested: { b: 2, a: [1, { z: 1, y: 2 }] } },
      actor: { tid: 't', oid: 'o' },
      at: '2026-01-05T10:00:00.000Z',
      command: 'cmd',
    })),
    'command-1',
  );

test('canonical JSON sorts keys recursively and ignores insertion order', () => {
  expect(canonicalJson({ b: 1, a: { d: [3, { y: 1, x: 2 }], c: undefined } })).toBe(
    '{"a":{"d":[3,{"x":2,"y":1}]},"b":1}',
  );
  fc.assert(
    fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (record) => {
      const reversed = Object.fromEntries(Object.entries(record).reverse());
      expect(canonicalJson(reversed)).toBe(canonicalJson(record));
    }),
  );
});

test('AU2: hash = sha256(prevHash + newline + canonical event); a fresh chain verifies', () => {
  const chain = events(5);
  expect(chain.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
  expect(chain[1]?.prevHash).toBe(chain[0]?.hash);
  expect(verifyChain(chain, { seq: 5, lastHash: chain[4]?.hash ?? '' })).toEqual({ ok: true });
});

test('AU2: changing any one event breaks the chain at its seq', () => {
  for (let k = 0; k < 5; k += 1) {
    const chain = events(5).map((e, i) => (i === k ? { ...e, data: { tampered: true } } : e));
    expect(verifyChain(chain)).toEqual({ ok: false, brokenAtSeq: k + 1 });
  }
});

test('AU2: a missing event, a re-linked forgery and a truncated tail are caught', () => {
  const chain = events(5);
  expect(verifyChain(chain.filter((e) => e.seq !== 3))).toEqual({ ok: false, brokenAtSeq: 3 });
  const forged = chain.map((e) => (e.seq === 2 ? { ...e, hash: 'f'.repeat(64) } : e));
  expect(verifyChain(forged)).toEqual({ ok: false, brokenAtSeq: 2 });
  const head = { seq: 5, lastHash: chain[4]?.hash ?? '' };
  expect(verifyChain(chain.slice(0, 4), head)).toEqual({ ok: false, brokenAtSeq: 5 });
});
