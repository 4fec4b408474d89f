import type { HttpRouteHandler } from '@microsoft/teams.apps';
import { jsonBody } from '../http/json-body';
import type { Logger } from '../http/logger';
import { problem } from '../http/problem';
import type { ApiRequest, ApiResponse } from '../http/route-types';
import { inboundVerdict, type InboundPolicy } from './inbound-guard';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `POST /api/messages`: our checks, then the Teams SDK's handler (token validation and activity
 * routing). Invoke results come back as the HTTP body; Teams requires status 200 for them.
 */
export async function handleBotRequest(
  request: ApiRequest,
  sdk: HttpRouteHandler,
  policy: InboundPolicy,
  log: Logger,
): Promise<ApiResponse> {
  const body = jsonBody(request);
  if (!body.ok) return body.response;
  if (!isRecord(body.value))
    return problem(400, 'VALIDATION_FAILED', 'An activity must be a JSON object.');
  const verdict = inboundVerdict(policy, body.value, request.headers);
  if (!verdict.ok) {
    log.warn('Bot request refused', { reason: verdict.reason, status: verdict.status });
    return { status: verdict.status, body: { error: verdict.reason } };
  }
  const response = await sdk({ body: body.value, headers: { ...request.headers } });
  return response.body === undefined
    ? { status: response.status }
    : { status: response.status, body: response.body };
}
