import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { actorFor } from '@shared/domain/actor';
import { buildCaseView } from '@shared/domain/case-view';
import {
  parseCaseCommand,
  parseOpenCase,
  type CaseCommand,
  type OpenCaseCommand,
} from '@shared/domain/commands';
import type { Actor, DecisionContext, Identity } from '@shared/domain/context';
import { decide } from '@shared/domain/decide';
import { decideOpenCase } from '@shared/domain/decide/open-case';
import type { Effect } from '@shared/domain/effects';
import type { CaseEvent } from '@shared/domain/events';
import { evolve } from '@shared/domain/evolve';
import { invitationLinks } from '@shared/domain/invitations';
import type { CaseState } from '@shared/domain/state';
import { fail, ok, refuse, type Result } from '@shared/errors/refusal';
import {
  commitBase,
  type CaseStore,
  type CommitOutcome,
  type CommitRequest,
  type OutboxSettlement,
  type StoredCase,
} from '../infrastructure/tables/case-store-port';
import { caseIdFor, providerOf } from './case-ids';
import type { CommandResult, ExecuteOptions } from './case-service-port';
import { staleVersion, viewOf } from './case-version';
import { summaryColumns } from './case-summary-columns';
import type { ProviderContext, ProviderDirectory } from './provider-directory';
import { readState } from './stored-state';
import { dueDelta, type DueDelta, type DueIndexSync } from './reminders/due-index-sync';
import type { SecurityAudit } from './security-audit';

/** What the service needs from its host. */
export interface CaseServiceDeps {
  readonly store: CaseStore;
  readonly providers: ProviderDirectory;
  readonly clock: () => Date;
  readonly newId: () => string;
  /** Security events (refused access, special-category reads); optional in tests of other parts. */
  readonly audit?: SecurityAudit;
  /** Attempts when another writer wins the race (412/409) before answering CONFLICT. */
  readonly maxAttempts?: number;
  /**
   * Called after a commit that wrote effects (the host enqueues the outbox message). It must not
   * throw: a lost enqueue is re-driven by the outbox timer.
   */
  readonly afterCommit?: (providerId: string, caseId: string) => Promise<void>;
  /** The due-date index (ADR 0011): reconciled after each commit that changes a case's due items. */
  readonly dueIndex?: DueIndexSync;
  /**
   * True when a relay carries out `syncDueIndex` effects: a commit that changes the due items
   * then also writes one, so a crash before the inline reconcile is healed by the relay.
   */
  readonly dueIndexHeal?: boolean;
}

/** How a commit leaves (the sweep batches its own deliveries and writes its own index rows). */
export interface PersistOptions {
  /** Do not enqueue: the caller delivers the effects itself (the re-drive timer is the backstop). */
  readonly deferDelivery?: boolean;
  /** Do not reconcile the due-date index: the caller maintains the rows it consumed. */
  readonly skipDueIndex?: boolean;
  /** Outbox rows settled in the same transaction as the commit (the relay recording a delivery). */
  readonly settle?: readonly OutboxSettlement[];
  /** Write the effects already claimed by the caller at `ctx.now` (it delivers them itself). */
  readonly claimEffects?: boolean;
  /** Pending-index rows deleted in the same transaction (their command's last effect settled). */
  readonly clearPending?: readonly string[];
}

/** One `persist` call's arguments, for `persistMany`. */
export interface PersistItem {
  readonly ctx: DecisionContext;
  readonly who: Identity;
  readonly stored: StoredCase | undefined;
  readonly state: CaseState | null;
  readonly events: readonly CaseEvent[];
  readonly effects: readonly Effect[];
  readonly commandId: string;
  readonly commandName: string;
  readonly fingerprint?: string;
  readonly options?: PersistOptions;
}

/** What `persist` answers. */
export interface Persisted {
  readonly outcome: CommitOutcome;
  readonly next: CaseState;
}

/** One item's answer in `persistMany`: what `persist` would have answered, or its error. */
export type PersistSettled =
  ({ readonly ok: true } & Persisted) | { readonly ok: false; readonly error: unknown };

interface Prepared {
  readonly request: CommitRequest;
  readonly next: CaseState;
  readonly reindex: boolean;
  /** A relay carries the commit's `syncDueIndex`: the rows it ended are removed there. */
  readonly heal: boolean;
  readonly delta: DueDelta | undefined;
  readonly written: readonly Effect[];
}

const notFound = () => refuse('NOT_FOUND', 'No such case.');

/** A loaded case with everything needed to decide on it. */
export interface LoadedCase {
  readonly provider: ProviderContext;
  readonly stored: StoredCase;
  readonly state: CaseState;
  readonly actor: Actor;
  readonly ctx: DecisionContext;
}

/** Writes: open a case and run commands, one point read and one entity-group transaction each. */
export class CaseCommands {
  constructor(private readonly deps: CaseServiceDeps) {}

  /** The decision context for a provider at the current instant. */
  context(provider: ProviderContext): DecisionContext {
    return {
      definition: provider.definition,
      settings: provider.resolved,
      calendar: provider.calendar,
      staff: provider.settings.staff,
      now: this.deps.clock(),
      newId: this.deps.newId,
    };
  }

  /** Loads a case the caller may see; anything else is NOT_FOUND, exactly like a missing case (Z4). */
  async load(who: Identity, caseId: string, attempt = 0): Promise<Result<LoadedCase>> {
    const providerId = providerOf(caseId);
    const provider =
      providerId === undefined ? undefined : await this.deps.providers.get(providerId);
    if (provider === undefined || !provider.settings.tenants.includes(who.tid))
      return fail(notFound());
    const stored = await this.deps.store.load(provider.settings.providerId, caseId);
    if (stored === undefined) return fail(notFound());
    const state = readState(stored.state, caseId);
    const actor = actorFor(state, provider.settings.staff, who);
    if (
      actor.roles.length === 0 &&
      attempt < 3 &&
      (await this.linkInvited(provider, stored, state, who))
    )
      return this.load(who, caseId, attempt + 1);
    if (actor.roles.length === 0) {
      await this.deps.audit?.record(
        'access-refused',
        provider.settings.providerId,
        caseId,
        who,
        this.deps.clock(),
      );
      return fail(notFound());
    }
    return ok({ provider, stored, state, actor, ctx: this.context(provider) });
  }

  /**
   * Links the caller to the entries that invited them by email (item 9), the first time they
   * sign in with that address from a tenant the provider allows. True when a link was committed
   * (or another request committed it first): the case must be read again.
   */
  private async linkInvited(
    provider: ProviderContext,
    stored: StoredCase,
    state: CaseState,
    who: Identity,
  ): Promise<boolean> {
    const ctx = this.context(provider);
    const links = invitationLinks(state, who, provider.settings.tenants, ctx.now.toISOString());
    if (links.length === 0) return false;
    const commandId = `link-${who.oid}-${String(stored.seq)}`;
    // committed, a duplicate or a lost race: in every case the caller reads the case again
    await this.persist(ctx, who, stored, state, links, [], commandId, 'linkInvitation');
    return true;
  }

  /** Opens a case (idempotent per command id). */
  async openCase(
    who: Identity,
    providerId: string,
    input: OpenCaseCommand,
    commandId: string,
  ): Promise<Result<CommandResult>> {
    const checked = parseOpenCase(input);
    if (!checked.ok) return checked;
    const provider = await this.deps.providers.get(providerId);
    if (provider === undefined || !provider.settings.tenants.includes(who.tid))
      return fail(refuse('NOT_FOUND', 'No such provider.'));
    const ctx = this.context(provider);
    const caseId = caseIdFor(providerId, who, commandId);
    const decided = decideOpenCase(ctx, { providerId, caseId }, checked.value, who);
    if (!decided.ok) return decided;
    const { outcome, next } = await this.persist(
      ctx,
      who,
      undefined,
      null,
      decided.value,
      [],
      commandId,
      'openCase',
    );
    if (outcome.kind === 'conflict')
      return fail(refuse('CONFLICT', 'A case was already opened with this request id.'));
    if (outcome.kind === 'duplicate') return this.reloaded(who, caseId, eventsOf(outcome.result));
    return ok(this.fresh(ctx, provider, next, who, decided.value, outcome.seq));
  }

  /** Runs one command; on a lost race re-reads and re-decides, never losing an update (C1). */
  async execute(
    who: Identity,
    caseId: string,
    input: CaseCommand,
    commandId: string,
    options: ExecuteOptions = {},
  ): Promise<Result<CommandResult>> {
    const checked = parseCaseCommand(input);
    if (!checked.ok) return checked;
    const command = checked.value;
    const attempts = this.deps.maxAttempts ?? 8;
    const fingerprint = fingerprintOf(command);
    for (let attempt = 0; attempt < attempts; attempt += 1) {
      const loaded = await this.load(who, caseId);
      if (!loaded.ok) return loaded;
      const { stored, state, actor, ctx } = loaded.value;
      const earlier = stored.recentCommands.find((c) => c.commandId === commandId);
      if (earlier !== undefined) {
        if (!sameCommand(earlier.result, fingerprint)) return fail(keyReused());
        return ok(this.result(loaded.value, eventsOf(earlier.result)));
      }
      const stale = staleVersion(loaded.value, options.ifMatchVersion);
      if (stale !== null) return fail(stale);
      const decision = decide(ctx, state, command, actor);
      if (!decision.ok) return decision;
      if (decision.value.events.length === 0) return ok(this.result(loaded.value, []));
      const { outcome, next } = await this.persist(
        ctx,
        who,
        stored,
        state,
        decision.value.events,
        decision.value.effects,
        commandId,
        command.type,
        fingerprint,
      );
      if (outcome.kind === 'duplicate') {
        if (!sameCommand(outcome.result, fingerprint)) return fail(keyReused());
        return this.reloaded(who, caseId, eventsOf(outcome.result));
      }
      if (outcome.kind === 'committed')
        return ok(
          this.fresh(ctx, loaded.value.provider, next, who, decision.value.events, outcome.seq),
        );
      await sleep(5 + Math.random() * 20 * (attempt + 1));
    }
    return fail(
      refuse('CONFLICT', 'The case was changed by several people at once; please try again.'),
    );
  }

  /** Commits decided events for a loaded case (or a new one), with the caller as the audit actor. */
  async persist(
    ctx: DecisionContext,
    who: Identity,
    stored: StoredCase | undefined,
    state: CaseState | null,
    events: readonly CaseEvent[],
    effects: readonly Effect[],
    commandId: string,
    commandName: string,
    fingerprint = '',
    options: PersistOptions = {},
  ): Promise<Persisted> {
    const item = { ctx, who, stored, state, events, effects, commandId, commandName };
    const prepared = this.prepare({ ...item, fingerprint, options });
    const outcome = await this.deps.store.commit(prepared.request);
    await this.afterPersist(options, prepared, outcome);
    return { outcome, next: prepared.next };
  }

  /**
   * Several `persist` calls (of different cases) in as few entity-group transactions as the
   * store can pack; each item answers exactly what `persist` would have (the sweep's batches).
   */
  async persistMany(items: readonly PersistItem[]): Promise<PersistSettled[]> {
    const prepared: (Prepared | { error: unknown })[] = items.map((item) => {
      try {
        return this.prepare(item);
      } catch (error) {
        return { error };
      }
    });
    const ready = prepared.flatMap((p, i) => ('error' in p ? [] : [{ p, i }]));
    const settled = await this.deps.store.commitMany(ready.map(({ p }) => p.request));
    const answers: PersistSettled[] = prepared.map((p) =>
      'error' in p ? { ok: false, error: p.error } : { ok: false, error: undefined },
    );
    await Promise.all(
      ready.map(async ({ p, i }, k) => {
        const answer = settled[k];
        const item = items[i] as PersistItem;
        if (answer === undefined || !answer.ok) {
          answers[i] = { ok: false, error: answer?.error };
          return;
        }
        await this.afterPersist(item.options ?? {}, p, answer.outcome);
        answers[i] = { ok: true, outcome: answer.outcome, next: p.next };
      }),
    );
    return answers;
  }

  private prepare(item: PersistItem): Prepared {
    const { ctx, who, stored, state, events, effects, commandId, commandName } = item;
    const options = item.options ?? {};
    const next = events.reduce<CaseState | null>((s, e) => evolve(s, e), state);
    if (next === null) throw new CaseServiceError('a command produced no case');
    const at = ctx.now.toISOString();
    const dueIndex = options.skipDueIndex === true ? undefined : this.deps.dueIndex;
    const delta = dueIndex === undefined ? undefined : dueDelta(ctx, state, next);
    const reindex = delta !== undefined && delta.added.length + delta.ended.length > 0;
    const heal = reindex && this.deps.dueIndexHeal === true;
    const ended = heal ? delta.ended.map(({ day, key }) => ({ day, key })) : [];
    const written: readonly Effect[] = heal
      ? [...effects, { kind: 'syncDueIndex', ...(ended.length === 0 ? {} : { ended }) }]
      : effects;
    const request: CommitRequest = {
      providerId: next.providerId,
      caseId: next.caseId,
      ...commitBase(stored),
      state: next,
      summary: summaryColumns(ctx, next),
      events: events.map((e) => ({
        type: e.type,
        data: e,
        actor: { tid: who.tid, oid: who.oid },
        at,
        command: commandName,
      })),
      effects: written.map((e) => ({ kind: e.kind, data: e })),
      commandId,
      result: { events: events.map((e) => e.type), fingerprint: item.fingerprint ?? '' },
      ...(options.settle === undefined || options.settle.length === 0
        ? {}
        : { settle: options.settle }),
      ...(options.claimEffects === true ? { claimedAt: at } : {}),
      ...(options.clearPending === undefined || options.clearPending.length === 0
        ? {}
        : { clearPending: options.clearPending }),
    };
    return { request, next, reindex, heal, delta, written };
  }

  private async afterPersist(
    options: PersistOptions,
    prepared: Prepared,
    outcome: CommitOutcome,
  ): Promise<void> {
    const { next, reindex, heal, delta, written } = prepared;
    const dueIndex = options.skipDueIndex === true ? undefined : this.deps.dueIndex;
    if (outcome.kind === 'committed' && reindex && dueIndex !== undefined && delta !== undefined)
      await dueIndex.reconcile(delta, heal).catch(() => undefined); // healed: syncDueIndex
    if (outcome.kind === 'committed' && written.length > 0 && options.deferDelivery !== true)
      await this.deps.afterCommit?.(next.providerId, next.caseId);
  }

  /** The result from the state just committed: no extra read. */
  private fresh(
    ctx: DecisionContext,
    provider: ProviderContext,
    next: CaseState,
    who: Identity,
    events: readonly CaseEvent[],
    version: number,
  ): CommandResult {
    const actor = actorFor(next, provider.settings.staff, who);
    const view = actor.roles.length === 0 ? null : { ...buildCaseView(ctx, next, actor), version };
    return { caseId: next.caseId, events: events.map((e) => e.type), view };
  }

  /** After a retry that had already committed: read the case again for the view. */
  private async reloaded(
    who: Identity,
    caseId: string,
    events: readonly string[],
  ): Promise<Result<CommandResult>> {
    const loaded = await this.load(who, caseId);
    return ok(loaded.ok ? this.result(loaded.value, events) : { caseId, events, view: null });
  }

  private result(loaded: LoadedCase, events: readonly string[]): CommandResult {
    return {
      caseId: loaded.state.caseId,
      events,
      view: viewOf(loaded),
    };
  }
}

/** A digest of a command, so a request id reused for a different command is refused. */
function fingerprintOf(command: CaseCommand): string {
  return createHash('sha256').update(JSON.stringify(command)).digest('base64url');
}

function sameCommand(result: unknown, fingerprint: string): boolean {
  const stored = (result as { fingerprint?: unknown } | null)?.fingerprint;
  return typeof stored !== 'string' || stored === '' || stored === fingerprint;
}

const keyReused = () =>
  refuse('CONFLICT', 'This request id was already used for a different command; send a new one.');

function eventsOf(result: unknown): string[] {
  const events = (result as { events?: unknown } | null)?.events;
  return Array.isArray(events) ? events.filter((e): e is string => typeof e === 'string') : [];
}

/** Raised on a programming error inside the service (never for user input). */
export class CaseServiceError extends Error {
  override readonly name = 'CaseServiceError';
}
