/**
 * Carries out one outbox effect through Graph and reports what happened; never throws for a
 * Graph failure (that becomes a `failed` report with its reason, recorded on the case).
 */
import type { DeliveryReport } from '@shared/domain/delivery';
import type { Effect } from '@shared/domain/effects';
import type { CaseState } from '@shared/domain/state';
import { GraphCallError, type GraphHttp } from '../../infrastructure/graph/graph-http';
import type { ProviderContext } from '../provider-directory';
import { notifyMany, type NotifyEntry } from './batched-notify';
import { cancelMeeting, createMeeting } from './meeting-delivery';
import { notifyRecipients, type NotifyOptions } from './notification-delivery';
import { cancelReviewReminder, putReviewReminder } from './review-reminder-delivery';

/** How the deliverer reaches Graph and links back to the case. */
export interface DelivererOptions extends NotifyOptions {
  /** The case in the tab (links in invitations and notifications). */
  readonly caseUrl: (caseId: string) => string;
}

function reasonOf(error: GraphCallError): string {
  if (error.status === null) return error.code;
  return `Graph answered ${String(error.status)} (${error.code})`;
}

/** The Graph side of the outbox relay. */
export class EffectDeliverer {
  constructor(
    private readonly graph: GraphHttp,
    private readonly options: DelivererOptions,
  ) {}

  /** Many cases' notify effects in shared `$batch` requests (the timed sweep, ADR 0011). */
  notifyMany(entries: readonly Omit<NotifyEntry, 'caseUrl'>[]): Promise<DeliveryReport[]> {
    const withUrls = entries.map((e) => ({ ...e, caseUrl: this.options.caseUrl(e.state.caseId) }));
    return notifyMany(this.graph, withUrls, this.options);
  }

  /** Card refreshes are the bot's: the relay only settles them. */
  sendsNothing(effect: Effect): boolean {
    return effect.kind === 'refreshCaseCard';
  }

  async deliver(
    provider: ProviderContext,
    state: CaseState,
    effect: Effect,
  ): Promise<DeliveryReport> {
    const caseUrl = this.options.caseUrl(state.caseId);
    try {
      const outcome = await this.attempt(provider, state, effect, caseUrl);
      return typeof outcome === 'string' ? { kind: 'failed', reason: outcome, effect } : outcome;
    } catch (error) {
      if (error instanceof GraphCallError)
        return { kind: 'failed', reason: reasonOf(error), effect };
      throw error;
    }
  }

  private async attempt(
    provider: ProviderContext,
    state: CaseState,
    effect: Effect,
    caseUrl: string,
  ): Promise<DeliveryReport | string> {
    switch (effect.kind) {
      case 'createMeeting':
        return createMeeting(this.graph, provider, state, effect.meetingId, caseUrl);
      case 'cancelMeeting':
        return cancelMeeting(this.graph, provider, state, effect.meetingId);
      case 'notify': {
        const outcome = await notifyRecipients(
          this.graph,
          provider,
          state,
          effect,
          caseUrl,
          this.options,
        );
        return {
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
      }
      case 'reviewReminder':
        return putReviewReminder(
          this.graph,
          provider,
          state,
          effect.instanceId,
          effect.reviewDate,
          caseUrl,
        );
      case 'cancelReviewReminder':
        return cancelReviewReminder(this.graph, provider, state, effect.instanceId);
      // Card refreshes are the bot's; the due-date index is synced by the sweep's wrapper (ADR 0011).
      case 'refreshCaseCard':
      case 'syncDueIndex':
        return { kind: 'nothing' };
    }
  }
}
