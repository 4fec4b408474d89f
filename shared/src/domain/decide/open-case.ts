import { fail, ok, refuse, type Result } from '../../errors/refusal';
import type { OpenCaseCommand } from '../commands';
import type { DecisionContext, Identity } from '../context';
import type { CaseEvent } from '../events';
import type { Participant } from '../state';
import { rolesParam } from '../settings';
import { fromDirectory } from '../invitations';
import { openerEntry } from './opener';
import { checkOpenedOnPaper } from './paper-opening';

/** Opening a case for a trainee, pinned to the procedure version in force (ME-01). */
export function decideOpenCase(
  ctx: DecisionContext,
  ids: { providerId: string; caseId: string },
  input: OpenCaseCommand,
  who: Identity,
): Result<readonly CaseEvent[]> {
  const allowed = rolesParam(ctx.settings, ctx.definition.caseOpenedBy);
  // Only the provider's own staff directory counts: naming yourself in the new case grants nothing.
  const asStaff = ctx.staff.some(
    (s) => s.tid === who.tid && s.oid === who.oid && allowed.includes(s.role),
  );
  if (!asStaff) {
    const message = 'Only provider staff who run the procedure can open a case.';
    return fail(refuse('ROLE_NOT_ALLOWED', message, ['ME-07']));
  }
  if (input.participants.some((p) => p.role === 'trainee')) {
    return fail(
      refuse(
        'VALIDATION_FAILED',
        'The trainee is given once, in "trainee"; do not list them among the participants.',
      ),
    );
  }
  const paper = checkOpenedOnPaper(ctx, who, input.openedOnPaper);
  if (paper !== null) return fail(paper);
  const at = ctx.now.toISOString();
  const t = input.trainee;
  const named = input.participants.map((p) => fromDirectory(p, ctx.staff));
  const people = [
    { role: 'trainee' as const, name: t.name, email: t.email, tid: t.tid, oid: t.oid },
    ...named,
    ...openerEntry(ctx, who, allowed, named),
  ];
  const participants: Participant[] = people.map((p) => ({
    participantId: ctx.newId(),
    ...p,
    addedAt: at,
    removedAt: null,
  }));
  const opened: CaseEvent = {
    type: 'CaseOpened',
    case: {
      caseId: ids.caseId,
      providerId: ids.providerId,
      procedureId: ctx.definition.id,
      procedureVersion: ctx.definition.version,
      openedAt: at,
      openedBy: `${who.tid}:${who.oid}`,
      ...(input.openedOnPaper === undefined ? {} : { openedOnPaper: input.openedOnPaper }),
      trainee: t,
    },
  };
  return ok([
    opened,
    ...participants.map((participant): CaseEvent => ({ type: 'ParticipantAdded', participant })),
  ]);
}
