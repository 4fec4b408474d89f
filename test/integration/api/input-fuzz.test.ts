import fc from 'fast-check';
import { z } from 'zod';
import { caseRoutes, providerRoutes } from '../../../functions/src/functions';
import { docOf } from '../../../functions/src/http/route-doc';
import type { RouteDefinition } from '../../../functions/src/http/route-types';
import { as, meCaseAt, must, who } from '../../support/service-fixture';
import { startApi, type ApiHarness, type ApiReply, type CallOptions } from './api-fixture';
import { sampleRequests, type SampleRequest } from './route-requests';

const ME = 'mid-essex-itt';
/** Runs per route: 30 in CI (the suite stays fast on 2 cores); raise with FUZZ_RUNS for a deeper search. */
const numRuns = Number(process.env.FUZZ_RUNS ?? 30);
const stackFrame = /\bat .*\(.*:\d+:\d+\)/;
/** Codes a malformed request may get: rejected at the HTTP boundary, before the service decides. */
const boundaryCodes = [
  'VALIDATION_FAILED',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
];

let api: ApiHarness;
let caseId = '';

beforeAll(async () => {
  api = await startApi();
  caseId = await meCaseAt(api.services, 'stage-1');
});
afterAll(() => api.stop());

/** What must not change: the case as its course tutor sees it, its audit trail, the provider's cases and settings. */
async function storedState() {
  const view = must(await api.services.cases.getCase(who('me-course-tutor'), caseId));
  const events = (await api.services.store.events(ME, caseId)).length;
  let cases = 0;
  for await (const _snapshot of api.services.store.listSnapshots(ME)) cases += 1;
  api.services.providers.invalidate();
  const etag = (await api.services.providers.get(ME))?.etag;
  return { view, events, cases, etag };
}

/** A valid sample request for every route under test (settings: the stored settings, with If-Match). */
async function sampleFor(
  route: RouteDefinition,
): Promise<SampleRequest & { headers?: Record<string, string> }> {
  const sample = sampleRequests[route.name];
  if (sample !== undefined) return sample(caseId);
  if (route.name === 'cases-list') return { path: '/api/cases?mine=true' };
  if (route.name === 'provider-procedure-get') return { path: `/api/providers/${ME}/procedure` };
  if (route.name === 'provider-overview-get') return { path: `/api/providers/${ME}/overview` };
  if (route.name === 'provider-cases-post') {
    const { role: _role, ...trainee } = as('me-trainee-2');
    return {
      path: `/api/providers/${ME}/cases`,
      json: {
        trainee: {
          ...trainee,
          route: 'primary',
          subject: 'Primary',
          school: 'Elm',
          placement: 'B',
        },
      },
    };
  }
  api.services.providers.invalidate();
  const current = (await api.services.providers.get(ME))!;
  const { providerId: _id, ...settings } = current.settings;
  const json = route.name === 'provider-settings-put' ? settings : undefined;
  return {
    path: `/api/providers/${ME}/settings`,
    ...(json === undefined ? {} : { json }),
    headers: { 'if-match': current.etag },
  };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Leaf = readonly (string | number)[];

function leaves(value: unknown, at: Leaf = []): Leaf[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => leaves(item, [...at, index]));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, item]) => leaves(item, [...at, key]));
  return at.length === 0 ? [] : [at];
}
function replaced(value: unknown, at: Leaf, next: unknown): unknown {
  const [head, ...rest] = at;
  if (head === undefined) return next;
  const copy = Object.assign(Array.isArray(value) ? [] : {}, value) as Record<
    string | number,
    unknown
  >;
  copy[head] = replaced(copy[head], rest, next);
  return copy;
}

const badText = fc.oneof(
  fc.integer({ min: 10_001, max: 10_100 }).map((n) => 'a'.repeat(n)),
  fc
    .tuple(
      fc.string({ maxLength: 10 }),
      fc.constantFrom('\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u202e', '\u2066'),
    )
    .map(([s, c]) => `${s}${c}${s}`),
  fc
    .tuple(fc.string({ maxLength: 10 }), fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff'))
    .map(([s, c]) => `${s}${c}`),
);
const otherTypes = fc.constantFrom<Json>(
  '1',
  1,
  -1.5,
  true,
  null,
  [],
  {},
  ['x'],
  { a: 1 },
  'true',
  '',
);

/** One malformed request: a body, a content type, or a path id that no schema accepts. */
function attacks(route: RouteDefinition, sample: SampleRequest) {
  const doc = docOf(route)!;
  const body: z.ZodType | undefined = doc.body;
  // A bodyless command (DELETE .../{id}) takes an empty body or `{}`.
  const valid = (value: unknown) => (body ?? z.strictObject({})).safeParse(value).success;
  const json = (sample.json ?? {}) as Json;
  const text = JSON.stringify(json);
  // Calendar labels are plain strings in shared/calendar (reported; see the failing test below).
  const paths = leaves(json).filter((at) => !(at[0] === 'calendar' && at.at(-1) === 'label'));
  const params = Object.keys(doc.params?.shape ?? {});
  const kinds: fc.Arbitrary<CallOptions & { path?: string }>[] = [];
  if (params.length > 0) {
    const badId = fc
      .tuple(fc.constantFrom(...params), fc.string({ minLength: 1, maxLength: 80 }))
      .filter(
        ([name, id]) =>
          // '.' and '..' are path segments the URL parser removes, not ids a client can send
          !['.', '..'].includes(id) &&
          (doc.params?.shape[name] as z.ZodType | undefined)?.safeParse(id).success !== true,
      );
    kinds.push(
      badId.map(([name, id]) => ({
        path: sample.path.replace(
          pathValue(sample.path, route.route, name),
          encodeURIComponent(id),
        ),
        json: sample.json,
      })),
    );
  }
  if (route.name === 'cases-list') {
    const query = fc.oneof(
      fc.record({
        key: fc.constantFrom('stage', 'status', 'dueBy', 'mine'),
        value: fc.constantFrom(
          'Stage 1',
          'OPEN',
          '2026-02-30',
          'false',
          '../x',
          '\u0000',
          'x'.repeat(50),
        ),
      }),
      fc.record({
        key: fc
          .string({ minLength: 1, maxLength: 10 })
          .filter((k) => !['stage', 'status', 'dueBy', 'mine'].includes(k)),
        value: fc.string({ minLength: 1 }),
      }),
      // Keys that name Object.prototype members: once found only by a lucky seed (V6).
      fc.record({
        key: fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty'),
        value: fc.constantFrom('x', '+', '1'),
      }),
    );
    const rejected = query.filter(
      ({ key, value }) => docOf(route)?.query?.safeParse({ [key]: value }).success !== true,
    );
    kinds.push(
      rejected.map(({ key, value }) => ({
        path: `/api/cases?${new URLSearchParams({ [key]: value }).toString()}`,
      })),
    );
  }
  if (body !== undefined || route.methods[0] === 'DELETE') {
    const withBody = (raw: string, type = 'application/json'): CallOptions => ({
      raw,
      headers: { 'content-type': type },
    });
    kinds.push(
      fc
        .constantFrom(
          'text/plain',
          'application/xml',
          'application/json; charset=latin1',
          'multipart/form-data',
          'application/x-www-form-urlencoded',
        )
        .map((type) => withBody(text, type)),
    );
    kinds.push(
      fc
        .oneof(
          fc.integer({ min: 1, max: Math.max(1, text.length - 1) }).map((n) => text.slice(0, n)),
          fc.string(),
        )
        .filter((raw) => !parsesValid(raw, valid) && !(raw === '' && body === undefined))
        .map((raw) => withBody(raw)),
    );
    kinds.push(
      fc
        .tuple(fc.string({ minLength: 1, maxLength: 20 }), fc.jsonValue())
        .filter(
          ([key]) =>
            !(key in (json as object)) && !['__proto__', 'constructor', 'prototype'].includes(key),
        )
        .map(([key, value]) => withBody(JSON.stringify({ ...(json as object), [key]: value }))),
    );
    kinds.push(
      fc
        .constantFrom(
          '{"__proto__":{"polluted":true},',
          '{"constructor":{"prototype":{"polluted":true}},',
          '{"prototype":{"polluted":true},',
        )
        .map((head) =>
          withBody(text === '{}' ? `${head.slice(0, -1)}}` : `${head}${text.slice(1)}`),
        ),
    );
    kinds.push(
      fc
        .jsonValue()
        .filter((value) => !valid(value))
        .map((value) => withBody(JSON.stringify(value))),
    );
    if (paths.length > 0) {
      kinds.push(
        fc
          .tuple(fc.constantFrom(...paths), badText)
          .map(([at, bad]) => withBody(JSON.stringify(replaced(json, at, bad)))),
      );
      kinds.push(
        fc
          .tuple(fc.constantFrom(...paths), otherTypes)
          .map(([at, other]) => replaced(json, at, other))
          .filter((value) => !valid(value))
          .map((value) => withBody(JSON.stringify(value))),
      );
    }
  }
  return fc.oneof(...kinds);
}
function parsesValid(raw: string, valid: (value: unknown) => boolean): boolean {
  try {
    return valid(JSON.parse(raw));
  } catch {
    return false;
  }
}
function pathValue(path: string, template: string, name: string): string {
  const index = template.split('/').indexOf(`{${name}}`);
  return path.replace(/\?.*$/, '').split('/').slice(2)[index] ?? '';
}

function expectRejected(reply: ApiReply, label: string): void {
  const body = reply.body as { code?: string } | undefined;
  const verdict = {
    label,
    clientError: reply.status >= 400 && reply.status < 500,
    problem: reply.headers.get('content-type'),
    boundary: boundaryCodes.includes(body?.code ?? ''),
    stack: stackFrame.test(reply.text),
    cache: reply.headers.get('cache-control'),
  };
  expect(verdict).toEqual({
    label,
    clientError: true,
    problem: 'application/problem+json',
    boundary: true,
    stack: false,
    cache: 'no-store',
  });
}

// `GET /api/me/providers` takes no input at all (no path id, query or body): nothing to malform.
const fuzzed = [...caseRoutes, ...providerRoutes].filter((r) => r.name !== 'me-providers-get');

describe('V1/V2/V3/V6: malformed input to every route is a 4xx problem, never a 500 or a stack, and changes nothing', () => {
  it.each(fuzzed.map((r) => [r.name, r] as const))('%s', async (_name, route) => {
    const sample = await sampleFor(route);
    const before = await storedState();
    await fc.assert(
      fc.asyncProperty(attacks(route, sample), async (attack) => {
        const headers = {
          ...(sample as { headers?: Record<string, string> }).headers,
          ...attack.headers,
        };
        const method = route.methods[0]!;
        const options: CallOptions = {
          as: 'me-course-tutor',
          headers,
          ...(attack.raw === undefined ? {} : { raw: attack.raw }),
          ...(attack.json === undefined || method === 'GET' ? {} : { json: attack.json }),
        };
        const reply = await api.call(method, attack.path ?? sample.path, options);
        expectRejected(
          reply,
          `${route.name} ${attack.path ?? ''} ${String(attack.raw).slice(0, 120)}`,
        );
      }),
      { numRuns },
    );
    expect(await storedState()).toEqual(before);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('V2: a body over 256 KB is a 413 for every route that takes one, before anything is parsed', async () => {
    const before = await storedState();
    const big = JSON.stringify({ text: 'x'.repeat(300 * 1024) });
    for (const route of fuzzed.filter((r) => r.methods[0] !== 'GET')) {
      const sample = await sampleFor(route);
      const reply = await api.call(route.methods[0]!, sample.path, {
        as: 'me-course-tutor',
        raw: big,
        headers: { 'content-type': 'application/json' },
      });
      expect({
        route: route.name,
        status: reply.status,
        code: (reply.body as { code?: string }).code,
      }).toEqual({ route: route.name, status: 413, code: 'PAYLOAD_TOO_LARGE' });
    }
    expect(await storedState()).toEqual(before);
  });

  it('rejects a malformed Idempotency-Key and If-Match before running anything', async () => {
    const before = await storedState();
    for (const key of ['short', 'x'.repeat(101), 'has space!!', 'ünïcödé-key']) {
      const reply = await api.call('POST', `/api/cases/${caseId}/comments`, {
        as: 'me-course-tutor',
        json: { text: 'Hello' },
        headers: { 'idempotency-key': encodeURIComponent(key) === key ? key : 'bad key here' },
      });
      expectRejected(reply, key);
    }
    const settings = await sampleFor(providerRoutes[1]!);
    const badEtag = await api.call('PUT', settings.path, {
      as: 'me-director',
      json: settings.json,
      headers: { 'if-match': `W/"${'x'.repeat(300)}"` },
    });
    expectRejected(badEtag, 'If-Match too long');
    expect(await storedState()).toEqual(before);
  });
});

describe('V3: calendar labels are validated like all free text', () => {
  it('V3: calendar term and closure labels refuse control characters, lone surrogates and unbounded length', async () => {
    const settings = await sampleFor(providerRoutes[1]!);
    const json = settings.json as { calendar: { closures: { label: string }[] } };
    const bad = {
      ...json,
      calendar: {
        ...json.calendar,
        closures: [{ date: '2026-03-02', label: 'INSET\u0000\ud800', appliesTo: 'school' }],
      },
    };
    const reply = await api.call('PUT', settings.path, {
      as: 'me-director',
      json: bad,
      headers: settings.headers ?? {},
    });
    expect(reply.status).toBe(400);
  });
});
