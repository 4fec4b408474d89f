/**
 * Graph over HTTP through @microsoft/microsoft-graph-client: our bearer middleware (app-only
 * token for the tenant), the client's RetryHandler (429/503/504, honours Retry-After), then its
 * HTTP handler. Around that, a bounded retry with backoff for 500s and timeouts. What is still
 * failing after that is a `GraphCallError`: transient (worth a later retry) or not.
 *
 * A call may carry a `Deadline` (ADR 0017): no request starts after it, no Retry-After or backoff
 * that would end after it is waited for, and a request in flight is aborted at it. The call then
 * rejects with `DeadlineReached` (not a `GraphCallError`: nothing failed, the attempt ran out).
 */
import {
  Client,
  GraphError,
  HTTPMessageHandler,
  RetryHandler,
  RetryHandlerOptions,
  type Context,
  type Middleware,
  type ShouldRetry,
} from '@microsoft/microsoft-graph-client';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ClientCredentials } from './client-credentials';
import { TokenRequestError, withSlash } from './client-credentials';
import { DeadlineReached, handlerDelayMs, type Deadline } from './deadline';

/** How hard to try before an effect counts as failed. */
export interface GraphRetryPolicy {
  /** Attempts of our own loop (each may include the RetryHandler's retries). */
  readonly attempts: number;
  /** First backoff of our loop; doubled each time. */
  readonly backoffMs: number;
  /** The RetryHandler's retries for 429/503/504 and its delay (seconds) when Retry-After is absent. */
  readonly handlerRetries: number;
  readonly handlerDelaySeconds: number;
  /** Per request. */
  readonly timeoutMs: number;
}

export const defaultRetryPolicy: GraphRetryPolicy = {
  attempts: 4,
  backoffMs: 500,
  handlerRetries: 3,
  handlerDelaySeconds: 3,
  timeoutMs: 20_000,
};

/** A Graph call that did not succeed. `code` is Graph's error code or our own short reason. */
export class GraphCallError extends Error {
  override readonly name = 'GraphCallError';
  constructor(
    readonly status: number | null,
    readonly code: string,
    readonly transient: boolean,
  ) {
    super(`Graph ${status === null ? 'unreachable' : String(status)}: ${code}`);
  }
}

/** A failed call as a reason recorded on the case ("Graph answered 404 (ErrorInvalidUser)"). */
export function describeGraphError(error: GraphCallError): string {
  return error.status === null
    ? error.code
    : `Graph answered ${String(error.status)} (${error.code})`;
}

class BearerMiddleware implements Middleware {
  private next: Middleware | undefined;
  constructor(
    private readonly credentials: ClientCredentials,
    private readonly tenantId: string,
  ) {}
  async execute(context: Context): Promise<void> {
    const token = await this.credentials.token(this.tenantId);
    const headers = new Headers(context.options?.headers);
    headers.set('authorization', `Bearer ${token}`);
    context.options = { ...context.options, headers };
    await this.next?.execute(context);
  }
  setNext(next: Middleware): void {
    this.next = next;
  }
}

const transientStatus = (status: number) => status === 429 || status >= 500;

function classify(error: unknown): GraphCallError {
  if (error instanceof GraphCallError) return error;
  if (error instanceof TokenRequestError)
    return new GraphCallError(null, error.message, error.transient);
  if (error instanceof GraphError && error.statusCode > 0)
    return new GraphCallError(
      error.statusCode,
      error.code ?? 'error',
      transientStatus(error.statusCode),
    );
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError')
    return new GraphCallError(null, 'timeout', true);
  return new GraphCallError(null, name === '' ? 'network error' : `network error (${name})`, true);
}

/** Graph HTTP calls for one deployment: one graph-client Client per tenant. */
export class GraphHttp {
  private readonly clients = new Map<string, Client>();

  constructor(
    private readonly baseUrl: string,
    private readonly credentials: ClientCredentials,
    private readonly policy: GraphRetryPolicy = defaultRetryPolicy,
  ) {}

  private client(tenantId: string): Client {
    let client = this.clients.get(tenantId);
    if (client === undefined) {
      const retry = new RetryHandlerOptions(
        this.policy.handlerDelaySeconds,
        this.policy.handlerRetries,
      );
      client = Client.initWithMiddleware({
        baseUrl: withSlash(this.baseUrl),
        middleware: [
          new BearerMiddleware(this.credentials, tenantId),
          new RetryHandler(retry),
          new HTTPMessageHandler(),
        ],
      });
      this.clients.set(tenantId, client);
    }
    return client;
  }

  /**
   * One call, retried within the policy; resolves with the response body (undefined for 202/204).
   * With a deadline, rejects with `DeadlineReached` rather than start or wait past it.
   */
  async call(
    tenantId: string,
    method: 'POST' | 'PATCH',
    path: string,
    body: unknown,
    deadline?: Deadline,
  ): Promise<unknown> {
    let last: GraphCallError | undefined;
    for (let attempt = 0; attempt < this.policy.attempts; attempt += 1) {
      if (attempt > 0) {
        const backoff = this.policy.backoffMs * 2 ** (attempt - 1);
        if (deadline !== undefined && !deadline.allowsWait(backoff)) throw new DeadlineReached();
        await sleep(backoff);
      }
      deadline?.check();
      const refused = { forDeadline: false };
      try {
        const timeout = AbortSignal.timeout(this.policy.timeoutMs);
        const request = this.client(tenantId)
          .api(path)
          .version('v1.0')
          .option(
            'signal',
            deadline === undefined ? timeout : AbortSignal.any([timeout, deadline.signal()]),
          );
        if (deadline !== undefined)
          request.middlewareOptions([this.retryOptions(deadline, refused)]);
        return (await (method === 'POST' ? request.post(body) : request.patch(body))) as unknown;
      } catch (error) {
        if (deadline !== undefined && (refused.forDeadline || deadline.passed()))
          throw new DeadlineReached();
        last = classify(error);
        if (!last.transient) throw last;
      }
    }
    throw last ?? new GraphCallError(null, 'no attempt made', true);
  }

  /** The RetryHandler's options for one call: it retries only when its wait ends before the deadline. */
  private retryOptions(deadline: Deadline, refused: { forDeadline: boolean }): RetryHandlerOptions {
    const shouldRetry: ShouldRetry = (delay, attempt, _request, _options, response) => {
      const wait = handlerDelayMs(response.headers.get('retry-after'), attempt + 1, delay);
      if (deadline.allowsWait(wait)) return true;
      refused.forDeadline = true;
      return false;
    };
    return new RetryHandlerOptions(
      this.policy.handlerDelaySeconds,
      this.policy.handlerRetries,
      shouldRetry,
    );
  }
}
