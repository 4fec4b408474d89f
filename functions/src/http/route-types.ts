/**
 * The one table of HTTP routes and timers. The Functions entry point registers it with
 * `app.http` / `app.timer`; the local host serves the same table over `node:http`.
 * Handlers are pure `request -> response` functions of our own shape, so neither host leaks in.
 */

/** An HTTP request as every handler sees it. Header names are lower-case. */
export interface ApiRequest {
  readonly method: string;
  /** The path after the host, e.g. `/api/cases/abc`. */
  readonly path: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string>>;
  /** The raw body; the host enforces the size cap while reading. */
  readonly body: Uint8Array;
}

/** An HTTP response. `body` is serialised by the host: objects as JSON, strings as-is. */
export interface ApiResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

/** An HTTP method we serve. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One row of the route table. `route` uses Functions syntax without the `api/` prefix: `cases/{caseId}`. */
export interface RouteDefinition {
  readonly name: string;
  readonly methods: readonly HttpMethod[];
  readonly route: string;
  readonly handler: (request: ApiRequest) => Promise<ApiResponse>;
}

/** One timer: NCRONTAB schedule (six fields, UTC). */
export interface TimerDefinition {
  readonly name: string;
  readonly schedule: string;
  readonly handler: (firedAt: Date) => Promise<void>;
}

/**
 * One queue trigger: `app.storageQueue` in Azure (the connection is the app-setting prefix,
 * e.g. `OUTBOX_QUEUE__queueServiceUri`); the local host polls the same queue in Azurite.
 * `handler` gets the decoded message (base64 JSON, as the Functions host decodes it).
 */
export interface QueueDefinition {
  readonly name: string;
  readonly queueName: string;
  readonly connection: string;
  readonly handler: (message: unknown) => Promise<void>;
}
