/**
 * A `notify` effect: a Teams activity-feed notification to each recipient, sent in `$batch`
 * requests of at most 20 per tenant (a token for the recipient's own tenant). A 429/503/504
 * inside a batch is retried after its Retry-After (the client's RetryHandler does not look
 * inside batches). Where Graph refuses because the app is not installed for someone, they get a
 * proactive message in the bot's personal chat with them if there is one; failing that, or when
 * they have no sign-in yet, an email through `sendMail` from the provider's mailbox. A refusal
 * (or a call still failing after its retries) fails only the recipients it was for: what already
 * went out to the others is reported, so it is recorded and never sent again by a retry.
 *
 * With a deadline (ADR 0017), whoever has not been sent to when it comes is `unsent`: not failed,
 * and not attempted again in this delivery; the relay carries them over to a later one.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { DeliveryChannel } from '@shared/domain/delivery';
import type { Effect, NotificationTemplate } from '@shared/domain/effects';
import type { CaseState } from '@shared/domain/state';
import { DeadlineReached, type Deadline } from '../../infrastructure/graph/deadline';
import {
  GraphCallError,
  describeGraphError,
  type GraphHttp,
} from '../../infrastructure/graph/graph-http';
import type { ProviderContext } from '../provider-directory';
import { activityTypeOf, botText, mailText, previewText } from './outbound-text';
import type { BotFallback } from './proactive-bot';
import { personOf, type GraphPerson } from './recipients';

/** The mailbox `sendMail` fallbacks are sent from (the provider's shared mailbox). */
export interface MailSender {
  readonly tenantId: string;
  readonly userId: string;
}

/** What sending one notification effect came to. */
export interface NotifyOutcome {
  readonly delivered: { readonly recipient: string; readonly channel: DeliveryChannel }[];
  readonly failed: { readonly recipients: string[]; readonly reason: string } | null;
  /** Recipients not sent to before the deadline (always empty without one). */
  readonly unsent: string[];
}

export interface NotifyOptions {
  readonly activityTypes: ReadonlySet<string>;
  readonly sender: MailSender | null;
  /** Rounds of re-sending throttled requests inside a batch. */
  readonly batchRounds: number;
  /** Ceiling on one Retry-After wait, in seconds. */
  readonly maxRetryAfterSeconds: number;
  /** The proactive bot, tried before email for people Graph refused (absent: email only). */
  readonly bot?: BotFallback | null;
}

interface BatchReply {
  responses?: {
    id: string;
    status: number;
    headers?: Record<string, string>;
    body?: { error?: { code?: string } };
  }[];
}

const batchLimit = 20;
const throttled = (status: number) => status === 429 || status === 503 || status === 504;
const notInstalled = (status: number) => status === 403 || status === 404;

function retryAfter(headers: Record<string, string> | undefined): number {
  const value = Object.entries(headers ?? {}).find(([k]) => k.toLowerCase() === 'retry-after')?.[1];
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : 1;
}

/** What sending one tenant's activity notifications came to. */
export interface FeedResult {
  readonly fed: GraphPerson[];
  /** Graph refused: the app is not installed for them. */
  readonly fallback: GraphPerson[];
  /** Still throttled after every round, or refused. */
  readonly failed: GraphPerson[];
  readonly reason: string;
  /** Not sent to before the deadline. */
  readonly unsent: GraphPerson[];
}

/** Sends one tenant's activity notifications; answers who got one and who needs the fallback. */
export async function sendFeed(
  graph: GraphHttp,
  tenantId: string,
  people: readonly GraphPerson[],
  body: (p: GraphPerson) => unknown,
  options: NotifyOptions,
  deadline?: Deadline,
): Promise<FeedResult> {
  const fed: GraphPerson[] = [];
  const fallback: GraphPerson[] = [];
  const refused: GraphPerson[] = [];
  let pending = [...people];
  let reason = '';
  const stopped = (unsent: GraphPerson[]): FeedResult => ({
    fed,
    fallback,
    failed: refused,
    reason,
    unsent,
  });
  for (let round = 0; round < options.batchRounds && pending.length > 0; round += 1) {
    const retry: GraphPerson[] = [];
    let wait = 0;
    for (let i = 0; i < pending.length; i += batchLimit) {
      const chunk = pending.slice(i, i + batchLimit);
      const requests = chunk.map((p, index) => ({
        id: String(index + 1),
        method: 'POST',
        url: `/users/${encodeURIComponent(p.objectId ?? '')}/teamwork/sendActivityNotification`,
        headers: { 'content-type': 'application/json' },
        body: body(p),
      }));
      let reply: BatchReply;
      try {
        reply = (await graph.call(
          tenantId,
          'POST',
          '/$batch',
          { requests },
          deadline,
        )) as BatchReply;
      } catch (error) {
        if (error instanceof DeadlineReached) return stopped([...retry, ...pending.slice(i)]);
        if (!(error instanceof GraphCallError)) throw error;
        const rest = [...refused, ...retry, ...pending.slice(i)];
        return { fed, fallback, failed: rest, reason: describeGraphError(error), unsent: [] };
      }
      for (const [index, person] of chunk.entries()) {
        const inner = reply.responses?.find((r) => r.id === String(index + 1));
        const status = inner?.status ?? 0;
        if (status >= 200 && status < 300) fed.push(person);
        else if (notInstalled(status)) fallback.push(person);
        else if (throttled(status) || status === 0 || status >= 500) {
          retry.push(person);
          wait = Math.max(wait, retryAfter(inner?.headers));
          reason = `Graph ${status}: ${inner?.body?.error?.code ?? 'throttled'}`;
        } else {
          refused.push(person);
          reason = describeGraphError(
            new GraphCallError(status, inner?.body?.error?.code ?? 'refused', false),
          );
        }
      }
    }
    pending = retry;
    if (pending.length > 0 && round + 1 < options.batchRounds) {
      const ms = Math.min(wait, options.maxRetryAfterSeconds) * 1000;
      // A Retry-After that ends after the deadline is not waited for: the rest goes later.
      if (deadline !== undefined && !deadline.allowsWait(ms)) return stopped(pending);
      await sleep(ms);
    }
  }
  return { fed, fallback, failed: [...refused, ...pending], reason, unsent: [] };
}

async function sendMails(
  graph: GraphHttp,
  sender: MailSender,
  people: readonly GraphPerson[],
  template: NotificationTemplate,
  state: CaseState,
  caseUrl: string,
  deadline: Deadline | undefined,
): Promise<{ sent: GraphPerson[]; unsent: GraphPerson[]; failed: GraphPerson[]; reason: string }> {
  const text = mailText(template, state, caseUrl);
  const sent: GraphPerson[] = [];
  const failed: GraphPerson[] = [];
  let reason = '';
  for (const [index, person] of people.entries()) {
    try {
      await graph.call(
        sender.tenantId,
        'POST',
        `/users/${encodeURIComponent(sender.userId)}/sendMail`,
        {
          message: {
            subject: text.subject,
            body: { contentType: 'text', content: text.body },
            toRecipients: [{ emailAddress: { address: person.mail, name: person.name } }],
          },
          saveToSentItems: true,
        },
        deadline,
      );
    } catch (error) {
      if (error instanceof DeadlineReached)
        return { sent, unsent: people.slice(index), failed, reason };
      if (!(error instanceof GraphCallError)) throw error;
      failed.push(person);
      reason = describeGraphError(error);
      continue;
    }
    sent.push(person);
  }
  return { sent, unsent: [], failed, reason };
}

/**
 * Proactive bot messages to the people Graph refused; answers those the bot could not reach,
 * and those not tried because the deadline came first.
 */
async function sendBot(
  bot: BotFallback | null,
  people: readonly GraphPerson[],
  template: NotificationTemplate,
  state: CaseState,
  deadline: Deadline | undefined,
): Promise<{ missed: GraphPerson[]; unsent: GraphPerson[] }> {
  if (bot === null) return { missed: [...people], unsent: [] };
  const text = botText(template, state, bot.link(state.caseId));
  const missed: GraphPerson[] = [];
  for (const [index, person] of people.entries()) {
    if (deadline?.passed() === true) return { missed, unsent: people.slice(index) };
    const reached =
      person.tenantId !== null &&
      person.objectId !== null &&
      (await bot.send({ tenantId: person.tenantId, objectId: person.objectId }, text));
    if (!reached) missed.push(person);
  }
  return { missed, unsent: [] };
}

/**
 * The body of one `sendActivityNotification`: the neutral preview line, the manifest's activity
 * type (or `systemDefault` with the text as its parameter) and the case's deep link as topic.
 */
export function activityFeedBody(
  template: NotificationTemplate,
  state: CaseState,
  caseUrl: string,
  types: ReadonlySet<string>,
) {
  const activityType = activityTypeOf(template, types);
  const text = previewText(template, state);
  return {
    topic: { source: 'text', value: 'Support plans', webUrl: caseUrl },
    activityType,
    previewText: { content: text },
    templateParameters:
      activityType === 'systemDefault' ? [{ name: 'systemDefaultText', value: text }] : [],
  };
}

/** Delivers one `notify` effect to every recipient it names, each by one channel. */
export async function notifyRecipients(
  graph: GraphHttp,
  provider: ProviderContext,
  state: CaseState,
  effect: Extract<Effect, { kind: 'notify' }>,
  caseUrl: string,
  options: NotifyOptions,
  deadline?: Deadline,
): Promise<NotifyOutcome> {
  const people = effect.recipients
    .map((id) => personOf(state, provider.settings.staff, id))
    .filter((p): p is GraphPerson => p !== undefined);
  const byTenant = new Map<string, GraphPerson[]>();
  const mailOnly: GraphPerson[] = [];
  for (const p of people) {
    if (p.tenantId !== null && p.objectId !== null)
      byTenant.set(p.tenantId, [...(byTenant.get(p.tenantId) ?? []), p]);
    else if (p.mail !== null) mailOnly.push(p);
  }
  const body = () => activityFeedBody(effect.template, state, caseUrl, options.activityTypes);
  const delivered: NotifyOutcome['delivered'] = [];
  const failed: string[] = [];
  let reason = '';
  const toMail = [...mailOnly];
  const unsent: GraphPerson[] = [];
  for (const [tenantId, group] of byTenant) {
    if (deadline?.passed() === true) {
      unsent.push(...group);
      continue;
    }
    const result = await sendFeed(graph, tenantId, group, body, options, deadline);
    unsent.push(...result.unsent);
    delivered.push(
      ...result.fed.map((p) => ({ recipient: p.participantId, channel: 'activity-feed' as const })),
    );
    const botted = await sendBot(
      options.bot ?? null,
      result.fallback,
      effect.template,
      state,
      deadline,
    );
    const unbotted = botted.missed;
    unsent.push(...botted.unsent);
    delivered.push(
      ...result.fallback
        .filter((p) => !unbotted.includes(p) && !botted.unsent.includes(p))
        .map((p) => ({ recipient: p.participantId, channel: 'bot' as const })),
    );
    toMail.push(...unbotted.filter((p) => p.mail !== null));
    failed.push(...unbotted.filter((p) => p.mail === null).map((p) => p.participantId));
    failed.push(...result.failed.map((p) => p.participantId));
    if (result.failed.length > 0) reason = result.reason;
  }
  if (toMail.length > 0 && options.sender !== null) {
    const mailed = await sendMails(
      graph,
      options.sender,
      toMail,
      effect.template,
      state,
      caseUrl,
      deadline,
    );
    unsent.push(...mailed.unsent);
    failed.push(...mailed.failed.map((p) => p.participantId));
    if (mailed.failed.length > 0) reason = mailed.reason;
    delivered.push(
      ...mailed.sent.map((p) => ({ recipient: p.participantId, channel: 'email' as const })),
    );
  } else failed.push(...toMail.map((p) => p.participantId));
  if (failed.length > 0 && reason === '')
    reason = 'recipient not reachable (app not installed and no mail sender configured)';
  return {
    delivered,
    failed: failed.length === 0 ? null : { recipients: failed, reason },
    unsent: unsent.map((p) => p.participantId),
  };
}
