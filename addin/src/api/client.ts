import type * as z from 'zod/mini';
import { ApiError } from './api-error';
import { readProblem } from './problem-message';

/** Gets a fresh token for each call (Teams caches it; never stored by us). */
export type TokenSource = () => Promise<string>;

/** A typed client for our API: every call carries the caller's token; failures are `ApiError`s. */
export class ApiClient {
  constructor(
    private readonly token: TokenSource,
    private readonly base = '/api',
  ) {}

  /** GET `path` and parse the body with `schema` (the parsed value is what callers get). */
  async get<T>(path: string, schema: z.ZodMiniType<T>): Promise<T> {
    return schema.parse(await this.call('GET', path));
  }

  /** Sends a command or write; resolves to the parsed reply. */
  async send<T>(
    method: string,
    path: string,
    body: unknown,
    schema: z.ZodMiniType<T>,
    idempotencyKey: string,
  ): Promise<T> {
    return schema.parse(await this.call(method, path, body, idempotencyKey));
  }

  /** Sends a write with extra request headers (e.g. `If-Match`); resolves to the parsed reply. */
  async sendWithHeaders<T>(
    method: string,
    path: string,
    body: unknown,
    schema: z.ZodMiniType<T>,
    headers: Readonly<Record<string, string>>,
  ): Promise<T> {
    return schema.parse(await this.call(method, path, body, undefined, headers));
  }

  /** GET a document (a PDF): the body as a Blob, with the caller's token. */
  async blob(path: string): Promise<Blob> {
    const response = await fetch(`${this.base}/${path}`, {
      headers: { authorization: `Bearer ${await this.token()}`, accept: 'application/pdf' },
    });
    if (!response.ok) throw new ApiError(await readProblem(response));
    return response.blob();
  }

  private async call(
    method: string,
    path: string,
    body?: unknown,
    idempotencyKey?: string,
    extra: Readonly<Record<string, string>> = {},
  ): Promise<unknown> {
    const headers: Record<string, string> = {
      ...extra,
      authorization: `Bearer ${await this.token()}`,
      accept: 'application/json',
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    // One key per submitted form: a retried submit is the same command, never a second one.
    if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
    const response = await fetch(`${this.base}/${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new ApiError(await readProblem(response));
    const text = await response.text();
    return text === '' ? {} : (JSON.parse(text) as unknown);
  }
}
