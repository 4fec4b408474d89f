/**
 * Many cases' `notify` effects in shared `$batch` requests (the timed sweep, ADR 0011): the
 * recipients of every effect are grouped by tenant and sent 20 to a request, so 1,000 reminders
 * to one tenant take 50 calls rather than 1,000. Throttled inner requests are retried after their
 * Retry-After by `sendFeed`. Recipients Graph refuses (app not installed) take the single-case
 * path, with its fallbacks (`notifyRecipients`). Each effect gets its own report to record.
 * Given a deadline (ADR 0017), an effect whose recipients were not all sent to before it gets an
 * `UnfinishedDelivery` instead: the report of what went out, and the effect narrowed to the rest.
 */
import type { DeliveryReport } from '@shared/domain/delivery';
import type { Effect } from '@shared/domain/effects';
import type { CaseState } from '@shared/domain/state';
import type { Deadline } from '../../infrastructure/graph/deadline';
import { GraphCallError, type GraphHttp } from '../../infrastructure/graph/graph-http';
import type { ProviderContext } from '../provider-directory';
import {
  activityFeedBody,
  notifyRecipients,
  sendFeed,
  type NotifyOptions,
} from './notification-delivery';
import { personOf, type GraphPerson } from './recipients';
import { UnfinishedDelivery } from './unfinished-delivery';

/** One case's notify effect to send. */
export interface NotifyEntry {
  readonly provider: ProviderContext;
  readonly state: CaseState;
  readonly effect: Extract<Effect, { kind: 'notify' }>;
  readonly caseUrl: string;
}

interface Tally {
  delivered: { recipient: string; channel: 'activity-feed' | 'bot' | 'email' }[];
  failed: string[];
  fallback: string[];
  reason: string;
  unsent: string[];
}

const emptyTally = (): Tally => ({
  delivered: [],
  failed: [],
  fallback: [],
  reason: '',
  unsent: [],
});

/** Sends every entry's activity notifications together; a report per entry, in order. */
export async function notifyMany(
  graph: GraphHttp,
  entries: readonly NotifyEntry[],
  options: NotifyOptions,
): Promise<DeliveryReport[]>;
/** The same, stopping at the deadline: an entry not finished by then is an `UnfinishedDelivery`. */
export async function notifyMany(
  graph: GraphHttp,
  entries: readonly NotifyEntry[],
  options: NotifyOptions,
  deadline: Deadline,
): Promise<(DeliveryReport | UnfinishedDelivery)[]>;
export async function notifyMany(
  graph: GraphHttp,
  entries: readonly NotifyEntry[],
  options: NotifyOptions,
  deadline?: Deadline,
): Promise<(DeliveryReport | UnfinishedDelivery)[]> {
  const tallies: Tally[] = entries.map(emptyTally);
  const owner = new Map<GraphPerson, number>();
  const byTenant = new Map<string, GraphPerson[]>();
  for (const [index, entry] of entries.entries()) {
    for (const id of entry.effect.recipients) {
      const person = personOf(entry.state, entry.provider.settings.staff, id);
      if (person === undefined) continue;
      if (person.tenantId === null || person.objectId === null) {
        tallies[index]?.fallback.push(id);
        continue;
      }
      owner.set(person, index);
      byTenant.set(person.tenantId, [...(byTenant.get(person.tenantId) ?? []), person]);
    }
  }
  for (const [tenantId, people] of byTenant) {
    const body = (p: GraphPerson) => {
      const entry = entries[owner.get(p) ?? -1];
      return entry === undefined
        ? {}
        : activityFeedBody(
            entry.effect.template,
            entry.state,
            entry.caseUrl,
            options.activityTypes,
          );
    };
    const tally = (p: GraphPerson) => tallies[owner.get(p) ?? -1];
    if (deadline?.passed() === true) {
      for (const p of people) tally(p)?.unsent.push(p.participantId);
      continue;
    }
    const result = await sendFeed(graph, tenantId, people, body, options, deadline);
    for (const p of result.unsent) tally(p)?.unsent.push(p.participantId);
    for (const p of result.fed)
      tally(p)?.delivered.push({ recipient: p.participantId, channel: 'activity-feed' });
    for (const p of result.fallback) tally(p)?.fallback.push(p.participantId);
    for (const p of result.failed) {
      const t = tally(p);
      if (t === undefined) continue;
      t.failed.push(p.participantId);
      t.reason = result.reason;
    }
  }
  return Promise.all(
    entries.map((entry, index) => finish(graph, entry, tallies[index], options, deadline)),
  );
}

/** Sends the entry's fallbacks through the single-case path and builds its report. */
async function finish(
  graph: GraphHttp,
  entry: NotifyEntry,
  tally: Tally | undefined,
  options: NotifyOptions,
  deadline: Deadline | undefined,
): Promise<DeliveryReport | UnfinishedDelivery> {
  const t = tally ?? emptyTally();
  if (t.fallback.length > 0 && deadline?.passed() === true) t.unsent.push(...t.fallback);
  else if (t.fallback.length > 0) {
    try {
      const narrowed = { ...entry.effect, recipients: t.fallback };
      const outcome = await notifyRecipients(
        graph,
        entry.provider,
        entry.state,
        narrowed,
        entry.caseUrl,
        options,
        deadline,
      );
      t.delivered.push(...outcome.delivered);
      t.unsent.push(...outcome.unsent);
      if (outcome.failed !== null) {
        t.failed.push(...outcome.failed.recipients);
        t.reason = outcome.failed.reason;
      }
    } catch (error) {
      if (!(error instanceof GraphCallError)) throw error;
      t.failed.push(...t.fallback);
      t.reason = `Graph answered ${String(error.status ?? '')} (${error.code})`;
    }
  }
  const report: DeliveryReport = {
    kind: 'notified',
    template: entry.effect.template,
    deliveries: t.delivered,
    failed:
      t.failed.length === 0
        ? null
        : { reason: t.reason, effect: { ...entry.effect, recipients: t.failed } },
  };
  if (t.unsent.length === 0) return report;
  const done = t.delivered.length === 0 && t.failed.length === 0 ? null : report;
  return new UnfinishedDelivery(done, { ...entry.effect, recipients: t.unsent });
}
