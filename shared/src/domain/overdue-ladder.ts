import type { ProviderCalendar } from '../calendar';
import type { ProcedureDefinition } from '../procedures/schema';
import type { Role } from './roles';

/** One rung of the overdue ladder. */
export interface OverdueRung {
  readonly rung: number;
  readonly afterDays: number;
  readonly notify: readonly Role[];
  readonly rules: readonly string[];
}

const oneRung: readonly OverdueRung[] = [
  { rung: 1, afterDays: 0, notify: ['courseTutor', 'programmeLead', 'director'], rules: [] },
];

/** The procedure's ladder, lowest rung first (one rung when it defines none). */
export function overdueLadder(definition: ProcedureDefinition): readonly OverdueRung[] {
  const ladder = definition.overdueLadder.length > 0 ? definition.overdueLadder : oneRung;
  return [...ladder].sort((a, b) => a.rung - b.rung);
}

/** How a flagged rung is remembered on the stage run: the due date, and `#n` above the first rung. */
export function overdueFlag(dueDate: string, rung: number | undefined): string {
  return rung === undefined || rung <= 1 ? dueDate : `${dueDate}#${String(rung)}`;
}

/** The highest rung reached by `today` for a review due on `due`, or undefined before it is overdue. */
export function rungReached(
  ladder: readonly OverdueRung[],
  due: string,
  today: string,
  calendar: ProviderCalendar,
  unit: 'school' | 'working',
): OverdueRung | undefined {
  return ladder.filter((r) => calendar.addDays(due, r.afterDays, unit) < today).at(-1);
}
