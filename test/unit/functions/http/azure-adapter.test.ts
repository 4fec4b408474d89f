import { HttpRequest, InvocationContext } from '@azure/functions';
import { azureHttpHandler, azureTimerHandler } from '../../../../functions/src/http/azure-adapter';
import { okJson } from '../../../../functions/src/http/responses';
import type { ApiRequest, RouteDefinition } from '../../../../functions/src/http/route-types';

const seen: ApiRequest[] = [];
const echo: RouteDefinition = {
  name: 'echo',
  methods: ['POST'],
  route: 'echo/{id}',
  handler: (request) => {
    seen.push(request);
    return Promise.resolve(okJson({ id: request.params.id, bytes: request.body.byteLength }));
  },
};

const context = () =>
  new InvocationContext({ invocationId: 'inv-123456789', functionName: 'echo' });

beforeEach(() => {
  seen.length = 0;
});

describe('Azure Functions adapter', () => {
  it('converts the request (params, lower-case headers, body) and the response', async () => {
    const request = new HttpRequest({
      method: 'POST',
      url: 'https://app.example/api/echo/42?x=1',
      headers: { 'Content-Type': 'application/json' },
      params: { id: '42' },
      body: { string: '{"a":1}' },
    });
    const response = await azureHttpHandler(echo)(request, context());
    expect(response).toMatchObject({
      status: 200,
      headers: { 'cache-control': 'no-store', 'x-correlation-id': 'inv-123456789' },
    });
    expect(seen[0]).toMatchObject({ method: 'POST', path: '/api/echo/42', params: { id: '42' } });
    expect(seen[0]?.headers['content-type']).toBe('application/json');
    expect(seen[0]?.query.get('x')).toBe('1');
  });

  it('V2: answers 413 for a 1 MiB body without calling the handler', async () => {
    const request = new HttpRequest({
      method: 'POST',
      url: 'https://app.example/api/echo/1',
      headers: { 'content-type': 'application/json' },
      params: { id: '1' },
      body: { string: `{"a":"${'x'.repeat(1024 * 1024)}"}` },
    });
    const response = await azureHttpHandler(echo)(request, context());
    expect(response).toMatchObject({ status: 413 });
    expect(seen).toHaveLength(0);
  });

  it('rethrows a failed timer so the retry policy applies', async () => {
    const timer = {
      name: 'sweep',
      schedule: '0 0 7 * * *',
      handler: () => Promise.reject(new RangeError('down')),
    };
    const trigger = {
      isPastDue: false,
      schedule: { adjustForDST: false },
      scheduleStatus: { last: '', next: '', lastUpdated: '' },
    };
    const ctx = context();
    jest.spyOn(ctx, 'error').mockImplementation(() => undefined);
    await expect(azureTimerHandler(timer)(trigger, ctx)).rejects.toThrow('down');
  });
});
