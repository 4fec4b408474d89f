/**
 * Carries out one outbox effect through Graph and reports what happened; never throws for a
 * Graph failure (that becomes a `failed` report with its reason, recorded on the case). Given a
 * deadline (ADR 0017), it stops there and throws `UnfinishedDelivery` with what went out and
 * what is left.
 */
import type { DeliveryReport } from '@shared/domain/delivery';
import type { Effect } from '@shared/domain/effects';
import type { CaseState } from '@shared/domain/state';
import { DeadlineReached, type Deadline } from '../../infrastructure/graph/deadline';
import {
  GraphCallError,
  describeGraphError,
  type GraphHttp,
} from '../../infrastructure/graph/graph-http';
import type { ProviderContext } from '../provider-directory';
import { notifyMany, type NotifyEntry } from './batched-notify';
import { cancelMeeting, createMeeting } from './meeting-delivery';
import { notifyRecipients, type NotifyOptions } from './notification-delivery';
import { cancelReviewReminder, putReviewReminder } from './review-reminder-delivery';
import { UnfinishedDelivery } from './unfinished-delivery';

/** How the deliverer reaches Graph and links back to the case. */
export interface DelivererOptions extends NotifyOptions {
  /** The case in the tab (links in invitations and notifications). */
  readonly caseUrl: (caseId: string) => string;
}

/** The Graph side of the outbox relay. */
export class EffectDeliverer {
  constructor(
    private readonly graph: GraphHttp,
    private readonly options: DelivererOptions,
  ) {}

  /** Many cases' notify effects in shared `$batch` requests (the timed sweep, ADR 0011). */
  notifyMany(entries: readonly Omit<NotifyEntry, 'caseUrl'>[]): Promise<DeliveryReport[]>;
  /** The same, stopping at the deadline: an effect not finished by then is an `UnfinishedDelivery`. */
  notifyMany(
    entries: readonly Omit<NotifyEntry, 'caseUrl'>[],
    deadline: Deadline,
  ): Promise<(DeliveryReport | UnfinishedDelivery)[]>;
  notifyMany(
    entries: readonly Omit<NotifyEntry, 'caseUrl'>[],
    deadline?: Deadline,
  ): Promise<(DeliveryReport | UnfinishedDelivery)[]> {
    const withUrls = entries.map((e) => ({ ...e, caseUrl: this.options.caseUrl(e.state.caseId) }));
    return deadline === undefined
      ? notifyMany(this.graph, withUrls, this.options)
      : notifyMany(this.graph, withUrls, this.options, deadline);
  }

  /** Card refreshes are the bot's: the relay only settles them. */
  sendsNothing(effect: Effect): boolean {
    return effect.kind === 'refreshCaseCard';
  }

  /**
   * One effect. With a deadline, throws `UnfinishedDelivery` when it came before the effect was
   * carried out: a call in flight is aborted, none starts after it, no wait runs past it.
   */
  async deliver(
    provider: ProviderContext,
    state: CaseState,
    effect: Effect,
    deadline?: Deadline,
  ): Promise<DeliveryReport> {
    const caseUrl = this.options.caseUrl(state.caseId);
    try {
      const outcome = await this.attempt(provider, state, effect, caseUrl, deadline);
      return typeof outcome === 'string' ? { kind: 'failed', reason: outcome, effect } : outcome;
    } catch (error) {
      if (error instanceof DeadlineReached) throw new UnfinishedDelivery(null, effect);
      if (error instanceof GraphCallError)
        return { kind: 'failed', reason: describeGraphError(error), effect };
      throw error;
    }
  }

  private async attempt(
    provider: ProviderContext,
    state: CaseState,
    effect: Effect,
    caseUrl: string,
    deadline: Deadline | undefined,
  ): Promise<DeliveryReport | string> {
    switch (effect.kind) {
      case 'createMeeting':
        return createMeeting(this.graph, provider, state, effect.meetingId, caseUrl, deadline);
      case 'cancelMeeting':
        return cancelMeeting(this.graph, provider, state, effect.meetingId, deadline);
      case 'notify': {
        const outcome = await notifyRecipients(
          this.graph,
          provider,
          state,
          effect,
          caseUrl,
          this.options,
          deadline,
        );
        const report: DeliveryReport = {
          kind: 'notified',
          template: effect.template,
          deliveries: outcome.delivered,
          failed:
            outcome.failed === null
              ? null
              : {
                  reason: outcome.failed.reason,
                  effect: { ...effect, recipients: outcome.failed.recipients },
                },
        };
        if (outcome.unsent.length === 0) return report;
        const done = outcome.delivered.length === 0 && outcome.failed === null ? null : report;
        throw new UnfinishedDelivery(done, { ...effect, recipients: outcome.unsent });
      }
      case 'reviewReminder':
        return putReviewReminder(
          this.graph,
          provider,
          state,
          effect.instanceId,
          effect.reviewDate,
          caseUrl,
          deadline,
        );
      case 'cancelReviewReminder':
        return cancelReviewReminder(this.graph, provider, state, effect.instanceId, deadline);
      // Card refreshes are the bot's; the due-date index is synced by the sweep's wrapper (ADR 0011).
      case 'refreshCaseCard':
      case 'syncDueIndex':
        return { kind: 'nothing' };
    }
  }
}
