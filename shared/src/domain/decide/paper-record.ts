import { todayInUk } from '../../calendar';
import { refuse, type Refusal } from '../../errors/refusal';
import type { FromPaper } from '../paper-record';
import { rolesParam } from '../settings';
import type { CaseState, StageInstance } from '../state';
import { actingId, nowIso, requireRole, type Env } from './policy';

/** The rules recording from paper rests on, from the procedure definition (ME-06, BF-21). */
export function paperRules(env: Env): readonly string[] {
  return env.ctx.definition.paperRecords?.rules ?? [];
}

/** Refuses unless the procedure lets this actor enter `what` from the paper records (item 8). */
export function permitPaper(env: Env, what: string): Refusal | null {
  const paper = env.ctx.definition.paperRecords;
  if (paper === undefined)
    return refuse(
      'PAPER_RECORD_NOT_ALLOWED',
      `${env.ctx.definition.title} does not allow entries recorded from paper.`,
    );
  const refusal = requireRole(
    env,
    rolesParam(env.ctx.settings, paper.by),
    `record ${what} from paper`,
    paper.rules,
  );
  return refusal === null ? null : { ...refusal, code: 'PAPER_RECORD_NOT_ALLOWED' };
}

/** The date the case was opened: on paper if it was moved in, else the day it was opened here. */
export function caseOpenedOn(state: CaseState): string {
  return state.openedOnPaper ?? todayInUk(new Date(state.openedAt));
}

/** The latest date already on the record of a stage run: its start and everything held in it. */
export function latestDateIn(instance: StageInstance): string {
  const dates = [
    instance.startedOn,
    ...instance.meetings
      .filter((m) => m.status === 'held')
      .map((m) => todayInUk(new Date(m.start))),
    ...instance.observations.map((o) => o.date),
    ...instance.reviews.map((r) => r.heldOn),
    ...instance.signatures.map((s) => todayInUk(new Date(s.signedAt))),
  ];
  return dates.reduce((a, b) => (b > a ? b : a));
}

/** A date that a paper entry must not precede, and what it is. */
export interface NotBefore {
  readonly date: string;
  readonly what: string;
}

/**
 * Refuses a paper date that would make the record inconsistent: in the future, before the case
 * was opened, or before what it must follow (out of order).
 */
export function checkPaperDate(
  env: Env,
  date: string,
  what: string,
  after: NotBefore | null,
): Refusal | null {
  const rules = paperRules(env);
  const cite = rules.join(', ');
  const today = todayInUk(env.ctx.now);
  if (date > today)
    return refuse(
      'PAPER_DATE_IN_FUTURE',
      `${what} on ${date} is in the future (today is ${today}): only what has already happened can be recorded from paper (${cite}).`,
      rules,
      { date, today },
    );
  const opened = caseOpenedOn(env.state);
  if (date < opened)
    return refuse(
      'PAPER_DATE_BEFORE_CASE_OPENED',
      `${what} on ${date} is before the case was opened (${opened}); when moving a paper case in, give the date it was opened on paper (openedOnPaper) when opening it (${cite}).`,
      rules,
      { date, openedOn: opened },
    );
  if (after !== null && date < after.date)
    return refuse(
      'PAPER_DATE_OUT_OF_ORDER',
      `${what} on ${date} is before ${after.what} (${after.date}); entries must follow the order they happened in (${cite}).`,
      rules,
      { date, notBefore: after.date },
    );
  return null;
}

/** The mark on a paper entry: who entered it here, and when. */
export function fromPaper(env: Env): FromPaper {
  return { enteredBy: actingId(env), enteredAt: nowIso(env) };
}

/**
 * For an observation or review: nothing when it is not from paper; otherwise the paper checks
 * (who may, not before the stage started) and the mark to keep on the entry.
 */
export function paperMark(
  env: Env,
  recordedFromPaper: object | undefined,
  date: string,
  what: string,
  instance: StageInstance,
): { refusal: Refusal } | { mark: { fromPaper?: FromPaper } } {
  if (recordedFromPaper === undefined) return { mark: {} };
  const refusal =
    permitPaper(env, what.toLowerCase()) ??
    checkPaperDate(env, date, what, { date: instance.startedOn, what: 'the stage started' });
  return refusal === null ? { mark: { fromPaper: fromPaper(env) } } : { refusal };
}
