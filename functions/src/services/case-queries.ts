import { actorFor } from '@shared/domain/actor';
import { providerWideRoles } from '@shared/domain/roles';
import { summarise } from '@shared/domain/case-view';
import { matchesSearch } from '@shared/domain/case-search';
import type { Identity } from '@shared/domain/context';
import { availableCommands } from '@shared/domain/decide';
import type { AvailableCommand, CaseSummary } from '@shared/domain/view';
import { ok, type Result } from '@shared/errors/refusal';
import { readableHistory } from '@shared/record/readable-history';
import { stageRecordViews, type CaseRecordView } from '@shared/record/stages-view';
import { visibilityFor } from '@shared/record/visibility';
import type {
  CaseStore,
  StoredCase,
  SummaryColumns,
} from '../infrastructure/tables/case-store-port';
import { providerOf } from './case-ids';
import type { CaseCommands } from './case-service';
import type { CaseListFilter, HistoryEntry } from './case-service-port';
import type { ProviderDirectory } from './provider-directory';
import { recordedEvents } from './record-events';
import { readState } from './stored-state';
import { viewOf } from './case-version';
import { invitationKey } from './invitation-key';
import type { SecurityAudit } from './security-audit';

/** Reads: a case, its available commands, its history, and "my cases". */
export class CaseQueries {
  constructor(
    private readonly commands: CaseCommands,
    private readonly store: CaseStore,
    private readonly providers: ProviderDirectory,
    private readonly audit?: SecurityAudit,
  ) {}

  /** The case as the caller may see it, with every stage run kept whole (`stages`, issue 12). */
  async getCase(who: Identity, caseId: string): Promise<Result<CaseRecordView>> {
    const loaded = await this.commands.load(who, caseId);
    if (!loaded.ok) return loaded;
    const view = viewOf(loaded.value);
    const events = recordedEvents(await this.store.events(view.providerId, caseId));
    const stages = stageRecordViews(loaded.value.ctx.definition, events);
    if (view.concerns.some((c) => c.specialCategory && !c.redacted)) {
      await this.audit?.record(
        'special-category-read',
        view.providerId,
        caseId,
        who,
        loaded.value.ctx.now,
      );
    }
    return ok({ ...view, stages });
  }

  /**
   * Which of `candidates` may see the case (participants and the provider's provider-wide staff,
   * signing in from one of its tenants): the same rule as `load`, for the people in a shared
   * conversation, so a card refreshes only for them (issue 8 item 1). One point read; nothing audited.
   */
  async viewersAmong(caseId: string, candidates: readonly Identity[]): Promise<Identity[]> {
    const providerId = providerOf(caseId);
    const provider = providerId === undefined ? undefined : await this.providers.get(providerId);
    if (provider === undefined || candidates.length === 0) return [];
    const stored = await this.store.load(provider.settings.providerId, caseId);
    if (stored === undefined) return [];
    const state = readState(stored.state, caseId);
    return candidates.filter(
      (c) =>
        provider.settings.tenants.includes(c.tid) &&
        actorFor(state, provider.settings.staff, c).roles.length > 0,
    );
  }

  /** The commands the caller may issue now. */
  async available(who: Identity, caseId: string): Promise<Result<readonly AvailableCommand[]>> {
    const loaded = await this.commands.load(who, caseId);
    return loaded.ok
      ? ok(availableCommands(loaded.value.ctx, loaded.value.state, loaded.value.actor))
      : loaded;
  }

  /** The case's audit trail: who, what, when, and the hash chain. */
  async history(who: Identity, caseId: string): Promise<Result<readonly HistoryEntry[]>> {
    const loaded = await this.commands.load(who, caseId);
    if (!loaded.ok) return loaded;
    const { ctx, actor, state } = loaded.value;
    const events = recordedEvents(await this.store.events(state.providerId, caseId));
    return ok(readableHistory(ctx.definition, ctx.staff, events, visibilityFor(ctx, actor)));
  }

  /**
   * Cases the caller takes part in, or all of a provider's cases for provider-wide roles. A
   * participant's cases are found from the `participantKeys` column alone (a `$select` query),
   * then read (see `participantCases`), so a mentor with three trainees does not read the
   * provider's every case. Access is still decided on each case's state.
   */
  async listMine(who: Identity, filter: CaseListFilter): Promise<Result<readonly CaseSummary[]>> {
    const rows: CaseSummary[] = [];
    for (const provider of (await this.providers.all()).values()) {
      if (!provider.settings.tenants.includes(who.tid)) continue;
      const ctx = this.commands.context(provider);
      const providerId = provider.settings.providerId;
      const wide = provider.settings.staff.some(
        (s) => s.tid === who.tid && s.oid === who.oid && providerWideRoles.includes(s.role),
      );
      const snapshots = wide
        ? this.store.listSnapshots(providerId)
        : this.participantCases(providerId, keysOf(who));
      for await (const snapshot of snapshots) {
        const state = readState(snapshot.state, snapshot.caseId);
        const actor = actorFor(state, provider.settings.staff, who);
        if (actor.roles.length > 0) {
          rows.push(summarise(ctx, state, actor));
          continue;
        }
        // invited by email and signing in for the first time: loading the case links them (item 9)
        const linked = await this.commands.load(who, snapshot.caseId);
        if (linked.ok)
          rows.push(summarise(linked.value.ctx, linked.value.state, linked.value.actor));
      }
    }
    return ok(rows.filter((r) => matches(r, filter)));
  }

  /**
   * The snapshots of the cases naming `key` (`tid:oid`) as an active participant. Point reads
   * when they are few or a small share of the provider's cases; otherwise one range read of the
   * whole partition is cheaper than many round trips (a course tutor with most of the cases).
   */
  private async *participantCases(
    providerId: string,
    keys: readonly string[],
  ): AsyncIterable<StoredCase> {
    const ids: string[] = [];
    let total = 0;
    for await (const row of this.store.listSummaries(providerId, ['participantKeys'])) {
      total += 1;
      if (keys.some((key) => namesParticipant(row.summary, key))) ids.push(row.caseId);
    }
    if (ids.length > parallelReads && ids.length * pointReadShare > total) {
      const wanted = new Set(ids);
      for await (const snapshot of this.store.listSnapshots(providerId)) {
        if (wanted.has(snapshot.caseId)) yield snapshot;
      }
      return;
    }
    for (let i = 0; i < ids.length; i += parallelReads) {
      const batch = ids.slice(i, i + parallelReads);
      const loaded = await Promise.all(batch.map((id) => this.store.load(providerId, id)));
      for (const snapshot of loaded) if (snapshot !== undefined) yield snapshot;
    }
  }
}

/** The `participantKeys` tokens that find a person's cases: `tid:oid`, and `invite:{email}` when signed in with one. */
function keysOf(who: Identity): string[] {
  return who.email === undefined
    ? [`${who.tid}:${who.oid}`]
    : [`${who.tid}:${who.oid}`, invitationKey(who.email)];
}

/** True when the snapshot's `participantKeys` column names `key` (`tid:oid` or `invite:{email}`). */
function namesParticipant(summary: SummaryColumns, key: string): boolean {
  return String(summary.participantKeys ?? '')
    .split(' ')
    .includes(key);
}

/** Point reads a participant's listing keeps in flight at once. */
const parallelReads = 8;
/** Point-read a participant's cases when they are at most 1 in this many of the provider's. */
const pointReadShare = 8;

function matches(row: CaseSummary, filter: CaseListFilter): boolean {
  if (filter.q !== undefined && !matchesSearch(row, filter.q)) return false;
  if (filter.status !== undefined && row.status !== filter.status) return false;
  if (filter.stageId !== undefined && row.stageId !== filter.stageId) return false;
  if (filter.dueBy !== undefined) {
    const due =
      row.reviewOverdue || (row.nextReviewDate !== null && row.nextReviewDate <= filter.dueBy);
    if (!due || row.status !== 'open') return false;
  }
  return true;
}
