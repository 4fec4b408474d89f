import { RestError, createPipelineRequest, createHttpHeaders } from '@azure/core-rest-pipeline';
import { InvocationContext } from '@azure/functions';
import { errors as joseErrors } from 'jose';
import { contextLogger } from '../../../../functions/src/http/azure-adapter';
import { maxLoggedString, redactedText } from '../../../../functions/src/http/log-record';
import {
  consoleLogger,
  jsonLineLogger,
  type LogLevel,
} from '../../../../functions/src/http/logger';

const fixedTime = new Date('2026-01-12T10:00:00.000Z');
const INJECTION = '\r\n{"level":"info","msg":"signed"}';
/** Everything a log reader might take for the end of a line. */
const lineBreak = /\r\n|[\n\r\u2028\u2029\u0085]/;
const jwtPattern = /eyJ[\w-]+\.[\w-]+\./;
/** Characters a safe line never holds raw (C0, DEL, C1, U+2028/2029). */
// eslint-disable-next-line no-control-regex -- this test looks for exactly these
const rawControl = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

const JWT =
  'eyJhbGciOiJSUzI1NiIsImtpZCI6ImxvY2FsIn0.eyJ0aWQiOiIxMTExIiwib2lkIjoiMjIyMiJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
const ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const CONNECTION = `DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${ACCOUNT_KEY};EndpointSuffix=core.windows.net`;
const SAS_SIGNATURE = 'pX1Tz%2BAU3sasSIGNATUREvalue%3D';
const SAS_URL = `https://acct.table.core.windows.net/cases?sv=2024-05-04&ss=t&srt=o&sp=r&se=2026-02-01&sig=${SAS_SIGNATURE}`;
const SAS_CONNECTION = `TableEndpoint=https://acct.table.core.windows.net/;SharedAccessSignature=sv=2024-05-04&sig=${SAS_SIGNATURE}`;
const SHARED_KEY = 'SharedKey devstoreaccount1:dGhpc2lzYXNoYXJlZGtleXNpZ25hdHVyZQ==';
const SENTINEL = 'SENTINEL-AU3-MEDICAL-unit';

/** A logger built by the factory, writing into an array, with a fixed clock. */
function capture() {
  const written: { line: string; level: LogLevel }[] = [];
  const log = jsonLineLogger((line, level) => written.push({ line, level }), {
    now: () => fixedTime,
  });
  const records = () => written.map((w) => JSON.parse(w.line) as Record<string, unknown>);
  const text = () => written.map((w) => w.line).join('\n');
  return { log, written, records, text };
}

describe('AU3: jsonLineLogger writes one JSON line per call', () => {
  it('AU3: info, warn and error each write exactly one line {time, level, message, ...data}', () => {
    const { log, written, records } = capture();
    log.info('Started', { port: 7071 });
    log.warn('Slow', { ms: 1200 });
    log.error('Failed');
    expect(written.map((w) => w.level)).toEqual(['info', 'warn', 'error']);
    for (const { line } of written) expect(line.split(lineBreak)).toHaveLength(1);
    expect(records()).toEqual([
      { time: '2026-01-12T10:00:00.000Z', level: 'info', message: 'Started', port: 7071 },
      { time: '2026-01-12T10:00:00.000Z', level: 'warn', message: 'Slow', ms: 1200 },
      { time: '2026-01-12T10:00:00.000Z', level: 'error', message: 'Failed' },
    ]);
    expect(Object.keys(records()[0]!)).toEqual(['time', 'level', 'message', 'port']);
  });

  it('AU3: the injection input gives a single record, its characters encoded, not removed', () => {
    const { log, written, records } = capture();
    const separators = ['\u2028', '\u2029', '\u0085', '\u000b', '\u000c', '\u001b[2J', '\u0000'];
    const hostile = `${INJECTION}${separators.map((s) => `${s}{"level":"info","msg":"signed"}`).join('')}`;
    log.info(hostile, { detail: hostile, [`key${INJECTION}`]: hostile, nested: [{ hostile }] });
    expect(written).toHaveLength(1);
    const line = written[0]!.line;
    expect(line.split(lineBreak)).toHaveLength(1);
    expect(line).not.toMatch(rawControl);
    expect(line).toContain('\\r\\n{\\"level\\":\\"info\\",\\"msg\\":\\"signed\\"}');
    expect(line).toContain('\\u2028');
    expect(line).toContain('\\u0085');
    const [record] = records();
    expect(record).toMatchObject({
      level: 'info',
      message: hostile,
      detail: hostile,
      [`key${INJECTION}`]: hostile,
      nested: [{ hostile }],
    });
    expect(record).not.toHaveProperty('msg');
  });

  it('AU3: data cannot overwrite the record time, level or message', () => {
    const { log, records } = capture();
    log.info('real', { time: 'forged', level: 'error', message: 'signed' });
    expect(records()).toEqual([
      {
        time: '2026-01-12T10:00:00.000Z',
        level: 'info',
        message: 'real',
        'data.time': 'forged',
        'data.level': 'error',
        'data.message': 'signed',
      },
    ]);
  });
});

describe('AU3: secrets are redacted wherever they appear', () => {
  const secrets = {
    jwt: JWT,
    bearer: `Authorization: Bearer ${JWT}`,
    opaqueBearer: 'Authorization: Bearer AU3opaque.token-value~123',
    connection: CONNECTION,
    sasUrl: SAS_URL,
    sasConnection: SAS_CONNECTION,
    sharedKey: `Authorization: ${SHARED_KEY}`,
  };
  const mustNotAppear = [
    JWT.split('.')[2]!,
    'AU3opaque.token-value~123',
    ACCOUNT_KEY,
    'AccountKey=',
    'SharedAccessSignature=',
    SAS_SIGNATURE,
    'dGhpc2lzYXNoYXJlZGtleXNpZ25hdHVyZQ',
  ];

  it.each(Object.entries(secrets))('AU3: %s in the message, in data and in an error', (_, text) => {
    const { log, text: output, records } = capture();
    log.warn(`seen: ${text}`, { value: text, nested: { list: [`x ${text} y`] } });
    log.error('failed', { error: new Error(`request failed: ${text}`) });
    const out = output();
    expect(out).not.toMatch(jwtPattern);
    for (const secret of mustNotAppear) expect(out).not.toContain(secret);
    expect(out).toContain(redactedText);
    expect(records()).toHaveLength(2);
  });

  it('AU3: keeps the text around a secret readable', () => {
    const { log, records } = capture();
    log.info(`connect ${CONNECTION} via ${SAS_URL} as Bearer ${JWT}`);
    expect(records()[0]?.message).toBe(
      'connect DefaultEndpointsProtocol=https;AccountName=acct;[redacted];EndpointSuffix=core.windows.net' +
        ' via https://acct.table.core.windows.net/cases?sv=2024-05-04&ss=t&srt=o&sp=r&se=2026-02-01&sig=[redacted]' +
        ' as Bearer [redacted]',
    );
  });

  it('AU3: fields named like secrets or payloads are redacted whatever they hold', () => {
    const { log, records } = capture();
    log.info('call', {
      authorization: 'opaque-credential',
      password: 'hunter2',
      accessToken: 'opaque',
      nested: { headers: { cookie: 'a=b' }, body: SENTINEL, kept: 'visible' },
    });
    expect(records()[0]).toMatchObject({
      authorization: redactedText,
      password: redactedText,
      accessToken: redactedText,
      nested: { headers: redactedText, body: redactedText, kept: 'visible' },
    });
  });
});

describe('AU3: errors are reduced to name, message, code/status, stack and cause', () => {
  it('AU3: a RestError from the Azure SDK: never its request (headers, body) or response', () => {
    const request = createPipelineRequest({
      url: SAS_URL,
      method: 'POST',
      headers: createHttpHeaders({ authorization: SHARED_KEY, 'x-ms-version': '2019-02-02' }),
      body: JSON.stringify({ description: SENTINEL }),
    });
    const response = {
      request,
      status: 400,
      headers: createHttpHeaders({ 'content-type': 'application/json' }),
      bodyAsText: JSON.stringify({ echo: SENTINEL }),
    };
    const error = new RestError('The request body is invalid.', {
      code: 'InvalidInput',
      statusCode: 400,
      request,
      response,
    });
    const { log, text, records } = capture();
    log.error('Request failed', { error });
    expect(text()).not.toContain(SENTINEL);
    expect(text()).not.toContain('dGhpc2lzYXNoYXJlZGtleXNpZ25hdHVyZQ');
    expect(text()).not.toContain(SAS_SIGNATURE);
    const logged = records()[0]?.error as Record<string, unknown>;
    expect(Object.keys(logged).sort()).toEqual(['code', 'message', 'name', 'stack', 'statusCode']);
    expect(logged).toMatchObject({
      name: 'RestError',
      message: 'The request body is invalid.',
      code: 'InvalidInput',
      statusCode: 400,
    });
    expect(logged.stack).toMatch(/^RestError: The request body is invalid\.\n\s+at /);
  });

  it('AU3: an HTTP client error (axios style) loses its config, headers and response data', () => {
    const error = Object.assign(new Error('Request failed with status code 401'), {
      name: 'AxiosError',
      code: 'ERR_BAD_REQUEST',
      status: 401,
      config: { url: SAS_URL, headers: { Authorization: `Bearer ${JWT}` } },
      response: { status: 401, data: { description: SENTINEL } },
    });
    const { log, text, records } = capture();
    log.warn('[teams] send failed', { detail: [error] });
    expect(text()).not.toContain(SENTINEL);
    expect(text()).not.toMatch(jwtPattern);
    expect(records()[0]).toMatchObject({
      detail: [{ name: 'AxiosError', code: 'ERR_BAD_REQUEST', status: 401 }],
    });
    expect(Object.keys((records()[0]?.detail as object[])[0]!)).not.toContain('config');
  });

  it("AU3: a jose claim error keeps its code, never the token's claims", () => {
    const claims = { name: SENTINEL, oid: 'oid-1', tid: 'tid-1' };
    const error = new joseErrors.JWTClaimValidationFailed('"aud" mismatch', claims, 'aud');
    const { log, text, records } = capture();
    log.warn('Token refused', { error });
    expect(text()).not.toContain(SENTINEL);
    expect(records()[0]).toMatchObject({
      error: {
        name: 'JWTClaimValidationFailed',
        code: 'ERR_JWT_CLAIM_VALIDATION_FAILED',
        cause: '[Object]',
      },
    });
  });

  it('AU3: follows causes and aggregate errors, a bounded number of levels deep', () => {
    const inner = new RangeError(`inner ${JWT}`);
    const aggregate = new AggregateError([inner, 'plain'], 'both failed');
    const outer = new Error('outer', { cause: aggregate });
    const { log, text, records } = capture();
    log.error('x', { error: outer });
    expect(text()).not.toMatch(jwtPattern);
    expect(records()[0]).toMatchObject({
      error: {
        name: 'Error',
        message: 'outer',
        cause: {
          name: 'AggregateError',
          errors: [{ name: 'RangeError', message: 'inner [redacted]' }, 'plain'],
        },
      },
    });
    let deep: Error = new Error('level 0');
    for (let i = 1; i <= 20; i += 1) deep = new Error(`level ${i}`, { cause: deep });
    expect(() => {
      log.error('deep', { error: deep });
    }).not.toThrow();
    expect(text().split('\n')).toHaveLength(2);
  });
});

describe('AU3: logging never throws and stays bounded', () => {
  it('AU3: circular data does not throw and is cut at the cycle', () => {
    const { log, records } = capture();
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    a.list = [a, { back: a }];
    const error = new Error('cyclic') as Error & { cause?: unknown };
    error.cause = error;
    expect(() => {
      log.info('cycle', { a, error });
    }).not.toThrow();
    expect(records()[0]).toMatchObject({
      a: { name: 'a', self: '[circular]', list: ['[circular]', { back: '[circular]' }] },
      error: { message: 'cyclic', cause: '[circular]' },
    });
  });

  it('AU3: getters that throw, bigints, symbols, functions, buffers and class instances', () => {
    const { log, records } = capture();
    const hostile = {
      get boom(): string {
        throw new Error('getter');
      },
    };
    class SdkResponse {
      readonly bodyAsText = SENTINEL;
    }
    log.info('odd', {
      hostile,
      big: 10n,
      sym: Symbol('s'),
      fn: () => SENTINEL,
      buffer: Buffer.from(SENTINEL),
      response: new SdkResponse(),
      instance: new SdkResponse(),
      when: fixedTime,
      nan: Number.NaN,
      url: new URL(SAS_URL),
    });
    const [record] = records();
    expect(JSON.stringify(record)).not.toContain(SENTINEL);
    expect(record).toMatchObject({
      hostile: { boom: '[unreadable]' },
      big: '10',
      sym: '[symbol]',
      fn: '[function]',
      buffer: `[Buffer ${String(SENTINEL.length)} bytes]`,
      response: redactedText,
      instance: '[SdkResponse]',
      when: '2026-01-12T10:00:00.000Z',
      nan: 'NaN',
      url: expect.stringContaining('sig=[redacted]') as unknown,
    });
  });

  it('AU3: long strings are cut, deep and wide data bounded, and the line stays one line', () => {
    const { log, written, records } = capture();
    let deep: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < 30; i += 1) deep = { deeper: deep };
    const wide = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, i]));
    log.info('big', { text: 'x'.repeat(100_000), deep, wide, list: Array.from({ length: 500 }) });
    expect(written).toHaveLength(1);
    expect(written[0]!.line.length).toBeLessThan(20_000);
    const [record] = records();
    expect((record?.text as string).length).toBeLessThan(maxLoggedString + 100);
    expect(JSON.stringify(record?.deep)).toContain('[nested too deep]');
    expect(Object.keys(record?.wide as object)).toHaveLength(51);
    expect(record?.list as unknown[]).toHaveLength(51);
  });

  it('AU3: the whole record has a size budget, however the data is shaped', () => {
    const { log, written } = capture();
    const many = Array.from({ length: 50 }, () => ({ s: 'y'.repeat(10_000) }));
    log.info('wide', { many, more: many.map((m) => ({ ...m })) });
    expect(written[0]!.line.length).toBeLessThan(80_000);
    expect(written[0]!.line).toContain('[too much data]');
  });

  it('AU3: a field named __proto__ is written as data, never as a prototype', () => {
    const { log, records } = capture();
    log.info(
      'proto',
      JSON.parse('{"__proto__": {"level": "forged"}, "ok": 1}') as Record<string, unknown>,
    );
    const [record] = records();
    expect(Object.getOwnPropertyNames(record)).toContain('__proto__');
    expect(record).toMatchObject({ level: 'info', ok: 1 });
    expect(({} as Record<string, unknown>).level).toBeUndefined();
  });

  it('AU3: a failing sink does not fail the caller', () => {
    const log = jsonLineLogger(() => {
      throw new Error('EPIPE');
    });
    expect(() => {
      log.error('x', { a: 1 });
    }).not.toThrow();
  });
});

describe('AU3: the production loggers are built by the factory', () => {
  afterEach(() => jest.restoreAllMocks());

  it('AU3: consoleLogger writes one JSON line: info to stdout, warn and error to stderr', () => {
    const out = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const err = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    consoleLogger.info(`hello${INJECTION}`, { token: JWT });
    consoleLogger.warn('careful', { connection: CONNECTION });
    consoleLogger.error('failed', { error: new Error(`Bearer ${JWT}`) });
    const calls = [...out.mock.calls, ...warn.mock.calls, ...err.mock.calls];
    expect(calls.map((c) => c.length)).toEqual([1, 1, 1]);
    const lines = calls.map((c) => c[0] as string);
    for (const line of lines) {
      expect(line.split(lineBreak)).toHaveLength(1);
      expect(line).not.toMatch(jwtPattern);
      expect(line).not.toContain('AccountKey=');
    }
    expect(lines.map((l) => (JSON.parse(l) as { level: string }).level)).toEqual([
      'info',
      'warn',
      'error',
    ]);
  });

  it("AU3: the Azure Functions logger writes the same safe line to the invocation's log", () => {
    const context = new InvocationContext({ invocationId: 'inv-au3', functionName: 'au3' });
    const error = jest.spyOn(context, 'error').mockImplementation(() => undefined);
    contextLogger(context).error(`failed${INJECTION}`, { error: new Error(`Bearer ${JWT}`) });
    expect(error).toHaveBeenCalledTimes(1);
    const args = error.mock.calls[0]!;
    expect(args).toHaveLength(1);
    const line = args[0] as string;
    expect(line.split(lineBreak)).toHaveLength(1);
    expect(line).not.toMatch(jwtPattern);
    expect(JSON.parse(line)).toMatchObject({ level: 'error', message: `failed${INJECTION}` });
  });
});
