/**
 * The Graph endpoints we call, served by the local Graph (v1.0 paths). Each checks the token,
 * the mailbox and the body the way Graph documents, then changes the mailboxes.
 */
import { badBody, graphError, type GraphReply } from './graph-errors';
import {
  activityNotificationSchema,
  cancelSchema,
  eventCreateSchema,
  eventPatchSchema,
  sendMailSchema,
} from './graph-schemas';
import type { Mailbox, Mailboxes } from './mailboxes';
import type { IssuedToken } from './token-endpoint';

/** What a Graph call runs against. */
export interface GraphApiContext {
  readonly mailboxes: Mailboxes;
  readonly activityTypes: ReadonlySet<string>;
  readonly baseUrl: string;
}

type Route = (ctx: GraphApiContext, box: Mailbox, body: unknown, ids: string[]) => GraphReply;

const noContent = (status: number): GraphReply => ({ status });

const eventsRoute: Route = (ctx, box, body) => {
  const parsed = eventCreateSchema.safeParse(body);
  if (!parsed.success) return badBody(parsed.error, 'microsoft.graph.event');
  const event = ctx.mailboxes.createEvent(box, parsed.data, ctx.baseUrl);
  return {
    status: 201,
    body: {
      '@odata.context': `${ctx.baseUrl}/v1.0/$metadata#users('${box.user.id}')/events/$entity`,
      ...event,
    },
  };
};

function organizerEntry(box: Mailbox, eventId: string) {
  return box.calendar.find((e) => e.event.id === eventId);
}

const patchRoute: Route = (ctx, box, body, [eventId = '']) => {
  const entry = organizerEntry(box, eventId);
  if (entry === undefined)
    return graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
  const parsed = eventPatchSchema.safeParse(body);
  if (!parsed.success) return badBody(parsed.error, 'microsoft.graph.event');
  return { status: 200, body: ctx.mailboxes.updateEvent(entry, parsed.data) };
};

const cancelRoute: Route = (ctx, box, body, [eventId = '']) => {
  const entry = organizerEntry(box, eventId);
  if (entry === undefined)
    return graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
  if (entry.role !== 'organizer')
    return graphError(
      400,
      'ErrorAccessDenied',
      "Your request can't be completed. You need to be an organizer to cancel a meeting.",
    );
  const parsed = cancelSchema.safeParse(body ?? {});
  if (!parsed.success) return badBody(parsed.error, 'microsoft.graph.cancel');
  // Cancelling again changes nothing and sends nothing more.
  if (entry.event.isCancelled === true) return noContent(202);
  ctx.mailboxes.cancelEvent(entry, parsed.data.comment);
  return noContent(202);
};

const activityRoute: Route = (ctx, box, body) => {
  const parsed = activityNotificationSchema.safeParse(body);
  if (!parsed.success) return badBody(parsed.error, 'microsoft.graph.sendActivityNotification');
  if (
    !ctx.activityTypes.has(parsed.data.activityType) &&
    parsed.data.activityType !== 'systemDefault'
  )
    return graphError(
      400,
      'BadRequest',
      `Activity type '${parsed.data.activityType}' is not declared in the app manifest.`,
    );
  if (!box.user.appInstalled)
    return graphError(403, 'Forbidden', 'The app is not installed for the recipient user.');
  box.feed.push({ ...parsed.data, receivedAt: new Date().toISOString() });
  return noContent(204);
};

const mailRoute: Route = (ctx, box, body) => {
  const parsed = sendMailSchema.safeParse(body);
  if (!parsed.success) return badBody(parsed.error, 'microsoft.graph.sendMail');
  ctx.mailboxes.deliverMail(box, parsed.data);
  return noContent(202);
};

const routes: readonly { method: string; pattern: RegExp; route: Route }[] = [
  { method: 'POST', pattern: /^\/users\/([^/]+)\/events$/, route: eventsRoute },
  { method: 'PATCH', pattern: /^\/users\/([^/]+)\/events\/([^/]+)$/, route: patchRoute },
  { method: 'POST', pattern: /^\/users\/([^/]+)\/events\/([^/]+)\/cancel$/, route: cancelRoute },
  {
    method: 'POST',
    pattern: /^\/users\/([^/]+)\/teamwork\/sendActivityNotification$/,
    route: activityRoute,
  },
  { method: 'POST', pattern: /^\/users\/([^/]+)\/sendMail$/, route: mailRoute },
];

/** One Graph request (outside or inside a batch), already authenticated. */
export function graphCall(
  ctx: GraphApiContext,
  token: IssuedToken,
  method: string,
  path: string,
  body: unknown,
): GraphReply {
  for (const { method: m, pattern, route } of routes) {
    const match = pattern.exec(path);
    if (match === null) continue;
    if (m !== method)
      return graphError(405, 'Request_BadRequest', `Method ${method} is not allowed on ${path}.`);
    const [, userId = '', ...ids] = match.map((part) => decodeURIComponent(part));
    const box = ctx.mailboxes.find(userId);
    // App-only tokens reach only mailboxes in their own tenant.
    if (box === undefined || box.user.tenantId !== token.tenantId)
      return graphError(404, 'ErrorInvalidUser', `The requested user '${userId}' is invalid.`);
    return route(ctx, box, body, ids);
  }
  return graphError(
    400,
    'BadRequest',
    `Resource not found for the segment '${path.split('/')[1] ?? ''}'.`,
  );
}
