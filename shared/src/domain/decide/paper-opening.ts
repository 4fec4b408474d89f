import { todayInUk } from '../../calendar';
import { refuse, type Refusal } from '../../errors/refusal';
import type { DecisionContext, Identity } from '../context';
import { rolesParam } from '../settings';

/**
 * Refuses an "opened on paper" date the opener may not give (not a staff member in the roles
 * that record from paper) or that is in the future (issue 11 item 8; ME-06, BF-21).
 */
export function checkOpenedOnPaper(
  ctx: DecisionContext,
  who: Identity,
  openedOnPaper: string | undefined,
): Refusal | null {
  if (openedOnPaper === undefined) return null;
  const paper = ctx.definition.paperRecords;
  if (paper === undefined)
    return refuse(
      'PAPER_RECORD_NOT_ALLOWED',
      `${ctx.definition.title} does not allow cases to be moved in from paper.`,
    );
  const by = rolesParam(ctx.settings, paper.by);
  const cite = paper.rules.join(', ');
  if (!ctx.staff.some((s) => s.tid === who.tid && s.oid === who.oid && by.includes(s.role)))
    return refuse(
      'PAPER_RECORD_NOT_ALLOWED',
      `Only provider staff who record from paper can give the date a case was opened on paper (${cite}).`,
      paper.rules,
    );
  const today = todayInUk(ctx.now);
  if (openedOnPaper > today)
    return refuse(
      'PAPER_DATE_IN_FUTURE',
      `The case cannot have been opened on paper on ${openedOnPaper}, after today (${today}) (${cite}).`,
      paper.rules,
      { date: openedOnPaper, today },
    );
  return null;
}
