import { z } from 'zod';
import { parseQuery } from '../../../../functions/src/http/request-params';
import { apiRequest } from './request-fixture';

const schema = z.strictObject({ stage: z.string().optional(), status: z.string().optional() });
const query = (search: string) =>
  parseQuery(apiRequest({ method: 'GET', query: new URLSearchParams(search) }), schema);

describe('parseQuery', () => {
  it('keeps known keys and treats an empty value as absent', () => {
    expect(query('stage=stage-1&status=')).toEqual({ ok: true, value: { stage: 'stage-1' } });
  });

  it.each(['__proto__=x', '__proto__=+', 'constructor=x', 'toString=1', 'stage=a&__proto__=1'])(
    'V6: refuses %s as an unknown key (400), never silently drops it',
    (search) => {
      const result = query(search);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.response.status).toBe(400);
    },
  );

  it('refuses a repeated key', () => {
    expect(query('stage=a&stage=b').ok).toBe(false);
  });
});
