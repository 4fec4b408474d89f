import { englandAndWalesBankHolidays } from '@shared/calendar/england-and-wales-bank-holidays';
import { createCalendar, type CalendarSettings, type ProviderCalendar } from '@shared/calendar';
import { actorFor } from '@shared/domain/actor';
import { caseCommandSchema, openCaseSchema, type CaseCommand } from '@shared/domain/commands';
import type { DecisionContext, Identity, SettingValues, StaffMember } from '@shared/domain/context';
import { decide, availableCommands } from '@shared/domain/decide';
import { decideOpenCase } from '@shared/domain/decide/open-case';
import type { Effect } from '@shared/domain/effects';
import type { CaseEvent } from '@shared/domain/events';
import { evolve } from '@shared/domain/evolve';
import { resolveSettings } from '@shared/domain/settings';
import type { CaseState } from '@shared/domain/state';
import type { Refusal } from '@shared/errors/refusal';
import { builtInProcedures } from '@shared/procedures/registry';
import type { ProcedureDefinition } from '@shared/procedures/schema';
import type { z } from 'zod';

const bankHolidays = englandAndWalesBankHolidays();
const guid = (n: number, t = 1) =>
  `${String(t).repeat(8)}-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A named person for tests: a stable Entra identity. */
export function person(n: number, name: string, tenant = 1): Identity {
  return { tid: guid(0, tenant), oid: guid(n, tenant), name };
}

/** A pure-engine harness: applies commands to one case and keeps its events, like the store would. */
export class EngineHarness {
  state: CaseState | null = null;
  readonly events: CaseEvent[] = [];
  readonly effects: Effect[] = [];
  now: Date;
  private counter = 0;
  /** Settings and calendar resolved once: both depend only on the constructor's arguments. */
  private resolved: { settings: SettingValues; calendar: ProviderCalendar } | undefined;
  readonly definition: ProcedureDefinition;

  constructor(
    procedureId: string,
    start: string,
    readonly staff: StaffMember[] = [],
    readonly settingValues: Record<string, unknown> = {},
    readonly calendarSettings: CalendarSettings = {
      region: 'england-and-wales',
      termDates: [],
      closures: [],
    },
    definition?: ProcedureDefinition,
  ) {
    const def = definition ?? builtInProcedures().get(procedureId);
    if (def === undefined) throw new Error(`no procedure ${procedureId}`);
    this.definition = def;
    this.now = new Date(start);
  }

  ctx(): DecisionContext {
    if (this.resolved === undefined) {
      const settings = resolveSettings(this.definition, this.settingValues);
      if (!settings.ok) throw new Error(settings.refusal.message);
      this.resolved = {
        settings: settings.value,
        calendar: createCalendar(this.calendarSettings, bankHolidays),
      };
    }
    return {
      definition: this.definition,
      settings: this.resolved.settings,
      calendar: this.resolved.calendar,
      staff: this.staff,
      now: this.now,
      newId: () => `id${String(++this.counter).padStart(10, '0')}`,
    };
  }

  open(who: Identity, input: unknown): Refusal | null {
    const parsed = openCaseSchema.parse(input);
    const result = decideOpenCase(
      this.ctx(),
      { providerId: 'p', caseId: 'p.case000000000000000' },
      parsed,
      who,
    );
    if (!result.ok) return result.refusal;
    this.apply(result.value);
    return null;
  }

  /** Issues a command (validated by its zod schema); returns the refusal or null. */
  run(who: Identity, input: unknown): Refusal | null {
    const command: CaseCommand = caseCommandSchema.parse(input);
    const state = this.mustState();
    const result = decide(this.ctx(), state, command, actorFor(state, this.staff, who));
    if (!result.ok) return result.refusal;
    this.apply(result.value.events);
    this.effects.push(...result.value.effects);
    return null;
  }

  /** Issues a command that must succeed. */
  ok(who: Identity, input: unknown): void {
    const refusal = this.run(who, input);
    if (refusal !== null) throw new Error(`${refusal.code}: ${refusal.message}`);
  }

  available(who: Identity) {
    const state = this.mustState();
    return availableCommands(this.ctx(), state, actorFor(state, this.staff, who));
  }

  participantId(who: Identity, role?: string): string {
    const p = this.mustState().participants.find(
      (x) => x.oid === who.oid && (role === undefined || x.role === role),
    );
    if (p === undefined) throw new Error(`${who.name} is not a participant`);
    return p.participantId;
  }

  targetIds(): string[] {
    return this.mustState().current?.plan.targets.map((t) => t.targetId) ?? [];
  }

  advanceDays(days: number): void {
    this.now = new Date(this.now.getTime() + days * 86_400_000);
  }

  /** An independent copy of this case (same definition, settings, clock and id counter), to explore branches. */
  fork(): EngineHarness {
    const copy = new EngineHarness(
      this.definition.id,
      this.now.toISOString(),
      this.staff,
      this.settingValues,
      this.calendarSettings,
      this.definition,
    );
    copy.state = this.state;
    copy.events.push(...this.events);
    copy.effects.push(...this.effects);
    copy.counter = this.counter;
    copy.resolved = this.resolved;
    return copy;
  }

  mustState(): CaseState {
    if (this.state === null) throw new Error('no case opened');
    return this.state;
  }

  private apply(events: readonly CaseEvent[]): void {
    for (const e of events) {
      this.state = evolve(this.state, e);
      this.events.push(e);
    }
  }
}

/** Builds a participant input. */
export function participant(role: string, who: Identity) {
  return { role, name: who.name, tid: who.tid, oid: who.oid, email: emailOf(who) };
}

/** A test mailbox address for a person (meeting invitations go by address, BF-05). */
export function emailOf(who: Pick<Identity, 'name'>): string {
  return `${who.name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.test`;
}

export type { z };
