import type { ReadableStream } from 'node:stream/web';
import type { HttpHandler, HttpRequest, InvocationContext, TimerHandler } from '@azure/functions';
import { declaredTooLarge, payloadTooLarge, readCapped, streamChunks } from './body-limit';
import { correlationHeader, correlationIdFrom } from './correlation';
import { dispatch, type WireResponse } from './dispatch';
import { jsonLineLogger, type Logger } from './logger';
import type { ApiRequest, RouteDefinition, TimerDefinition } from './route-types';

/** A request converted for our handlers; `tooLarge` means the body was not read (413). */
export interface ConvertedRequest {
  readonly request: ApiRequest;
  readonly tooLarge: boolean;
}

/**
 * A logger writing to the invocation's log (correlated in Application Insights), one safe JSON
 * line per entry like every other logger (`jsonLineLogger`).
 */
export function contextLogger(context: InvocationContext): Logger {
  return jsonLineLogger((line, level) => {
    if (level === 'error') context.error(line);
    else if (level === 'warn') context.warn(line);
    else context.log(line);
  });
}

/** Converts a Functions request to our `ApiRequest`, reading at most the body cap. */
export async function toApiRequest(
  request: HttpRequest,
  fallbackId: () => string,
): Promise<ConvertedRequest> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  headers[correlationHeader] = correlationIdFrom(headers, fallbackId);
  const base = {
    method: request.method.toUpperCase(),
    path: new URL(request.url).pathname,
    params: { ...request.params },
    query: new URLSearchParams(request.query),
    headers,
  };
  const tooLarge = { request: { ...base, body: new Uint8Array() }, tooLarge: true };
  if (declaredTooLarge(request.headers.get('content-length'))) return tooLarge;
  const body =
    request.body === null
      ? new Uint8Array()
      : await readCapped(streamChunks(request.body as ReadableStream<Uint8Array>));
  return body === undefined ? tooLarge : { request: { ...base, body }, tooLarge: false };
}

function toResponseInit(wire: WireResponse) {
  const body = wire.body === undefined ? {} : { body: wire.body };
  return { status: wire.status, headers: { ...wire.headers }, ...body };
}

/** The `app.http` handler for one route: body cap, dispatch, problem responses. */
export function azureHttpHandler(route: RouteDefinition): HttpHandler {
  return async (request, context) => {
    const converted = await toApiRequest(request, () => context.invocationId);
    const handler = converted.tooLarge ? () => Promise.resolve(payloadTooLarge()) : route.handler;
    return toResponseInit(await dispatch(handler, converted.request, contextLogger(context)));
  };
}

/** The `app.timer` handler for one timer; a failure is rethrown so the retry policy applies. */
export function azureTimerHandler(timer: TimerDefinition): TimerHandler {
  return async (_trigger, context) => {
    try {
      await timer.handler(new Date());
    } catch (error) {
      contextLogger(context).error(`Timer ${timer.name} failed`, { error });
      throw error;
    }
  };
}
