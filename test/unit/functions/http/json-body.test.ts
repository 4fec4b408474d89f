import { z } from 'zod';
import { jsonBody, parseBody } from '../../../../functions/src/http/json-body';
import { parseSafeJson } from '../../../../functions/src/http/safe-json';
import type { ApiRequest } from '../../../../functions/src/http/route-types';
import { apiRequest, withText } from './request-fixture';

function status(request: ApiRequest): number {
  const result = jsonBody(request);
  return result.ok ? 200 : result.response.status;
}

describe('JSON request bodies', () => {
  it('parses a JSON object', () => {
    expect(jsonBody(apiRequest({ json: { a: 1 } }))).toEqual({ ok: true, value: { a: 1 } });
  });

  it('V1: answers 415 for a missing, wrong or non-UTF-8 content type', () => {
    expect(status(withText('{}', {}))).toBe(415);
    expect(status(withText('{}', { 'content-type': 'text/plain' }))).toBe(415);
    expect(status(withText('{}', { 'content-type': 'application/json; charset=latin1' }))).toBe(
      415,
    );
    expect(status(withText('{}', { 'content-type': 'Application/JSON; charset=UTF-8' }))).toBe(200);
  });

  it('V1: answers 400 for empty, malformed, truncated or non-UTF-8 bodies', () => {
    expect(status(withText(''))).toBe(400);
    expect(status(withText('{"a":'))).toBe(400);
    expect(status(withText("{'a':1}"))).toBe(400);
    expect(status(withText(new Uint8Array([0x7b, 0xff, 0x7d])))).toBe(400);
  });

  it('V1: answers 400 for absurdly nested JSON instead of crashing', () => {
    expect(status(withText('['.repeat(100_000) + ']'.repeat(100_000)))).toBe(400);
  });

  it('V6: rejects __proto__, constructor and prototype keys at any depth', () => {
    for (const text of [
      '{"__proto__":{"polluted":true}}',
      '{"a":{"constructor":{"prototype":{"polluted":true}}}}',
      '[{"prototype":1}]',
    ]) {
      const result = jsonBody(withText(text));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.response.status).toBe(400);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(() => parseSafeJson('{"__proto__":1}')).toThrow('The key "__proto__" is not allowed.');
  });

  it('V6: validates with zod and returns the parsed value, with field errors on 400', () => {
    const schema = z.strictObject({ name: z.string().trim(), count: z.number().int() });
    expect(parseBody(apiRequest({ json: { name: ' x ', count: 2 } }), schema)).toEqual({
      ok: true,
      value: { name: 'x', count: 2 },
    });
    const bad = parseBody(
      apiRequest({ json: { name: 'x', count: '2', role: 'director' } }),
      schema,
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.response.status).toBe(400);
    const body = bad.response.body as { code: string; errors: { path: string }[] };
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.errors.map((e) => e.path).sort()).toEqual(['', 'count']);
  });
});
