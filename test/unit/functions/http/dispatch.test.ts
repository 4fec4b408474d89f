import { TransientStorageError } from '../../../../functions/src/infrastructure/tables/storage-errors';
import { dispatch } from '../../../../functions/src/http/dispatch';
import { silentLogger, type Logger } from '../../../../functions/src/http/logger';
import {
  problem,
  problemFromRefusal,
  type ProblemBody,
} from '../../../../functions/src/http/problem';
import { okJson } from '../../../../functions/src/http/responses';
import { refuse } from '@shared/errors/refusal';
import { apiRequest } from './request-fixture';

const decode = (body: Uint8Array | undefined) =>
  JSON.parse(Buffer.from(body ?? []).toString('utf8')) as unknown;

describe('dispatch: the same envelope on every host', () => {
  it('P5: sends Cache-Control: no-store, nosniff and the correlation id on success', async () => {
    const wire = await dispatch(
      () => Promise.resolve(okJson({ hello: 'world' })),
      apiRequest(),
      silentLogger,
    );
    expect(wire.status).toBe(200);
    expect(wire.headers).toMatchObject({
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'x-correlation-id': 'corr-12345678',
      'content-type': 'application/json; charset=utf-8',
    });
    expect(decode(wire.body)).toEqual({ hello: 'world' });
  });

  it('cannot be talked out of no-store by a handler', async () => {
    const cached = { status: 200, headers: { 'Cache-Control': 'max-age=3600' }, body: {} };
    const wire = await dispatch(() => Promise.resolve(cached), apiRequest(), silentLogger);
    expect(wire.headers['cache-control']).toBe('no-store');
  });

  it('sends problems as application/problem+json with the full shape', async () => {
    const refusal = refuse('TARGET_LIMIT_REACHED', 'A plan has at most 3 targets.', ['BF-2.4']);
    const wire = await dispatch(
      () => Promise.resolve(problemFromRefusal(refusal)),
      apiRequest(),
      silentLogger,
    );
    expect(wire.status).toBe(422);
    expect(wire.headers['content-type']).toBe('application/problem+json');
    expect(decode(wire.body)).toEqual({
      type: 'urn:support-plan:problem:target-limit-reached',
      title: 'Procedure rule not met',
      status: 422,
      detail: 'A plan has at most 3 targets.',
      code: 'TARGET_LIMIT_REACHED',
      rules: ['BF-2.4'],
      correlationId: 'corr-12345678',
    } satisfies ProblemBody);
  });

  it('V1: turns an unexpected error into a 500 problem without a stack trace, and logs it', async () => {
    const logged: unknown[] = [];
    const log: Logger = {
      ...silentLogger,
      error: (message, data) => logged.push({ message, data }),
    };
    const boom = () =>
      Promise.reject(new RangeError('secret internals at /work/main/functions/src/x.ts:1:1'));
    const wire = await dispatch(boom, apiRequest(), log);
    const text = Buffer.from(wire.body ?? []).toString('utf8');
    expect(wire.status).toBe(500);
    expect(wire.headers['cache-control']).toBe('no-store');
    expect(text).not.toMatch(/\bat \S+:\d+|secret internals|RangeError/);
    expect(decode(wire.body)).toMatchObject({
      code: 'INTERNAL_ERROR',
      status: 500,
      correlationId: 'corr-12345678',
    });
    expect(logged).toHaveLength(1);
  });

  it('answers 503 with Retry-After when storage is unavailable', async () => {
    const busy = () => Promise.reject(new TransientStorageError('throttled'));
    const wire = await dispatch(busy, apiRequest(), silentLogger);
    expect(wire.status).toBe(503);
    expect(wire.headers['retry-after']).toBe('5');
    expect(decode(wire.body)).toMatchObject({ code: 'STORAGE_UNAVAILABLE' });
  });

  it('answers 500 when a body cannot be serialised', async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const wire = await dispatch(() => Promise.resolve(okJson(cyclic)), apiRequest(), silentLogger);
    expect(wire.status).toBe(500);
  });

  it('keeps a problem helper response header (WWW-Authenticate) and lower-cases names', async () => {
    const challenge = problem(401, 'UNAUTHENTICATED', 'Sign in.', {
      headers: { 'WWW-Authenticate': 'Bearer' },
    });
    const wire = await dispatch(() => Promise.resolve(challenge), apiRequest(), silentLogger);
    expect(wire.headers['www-authenticate']).toBe('Bearer');
  });
});
