import { fail, ok, refuse, type Result } from '../../errors/refusal';
import { evaluateImp } from '../../imp/evaluate-imp';
import { rolesParam } from '../settings';
import { actingId, notify, openCase, requireRole, type Env, type Policy } from './policy';

function permit(env: Env): Result<readonly string[]> {
  const def = env.ctx.definition;
  const closed = openCase(env);
  if (closed !== null) return fail(closed);
  if (def.imp.length === 0)
    return fail(refuse('WRONG_STAGE', `${def.title} has no IMP progress points.`));
  const refusal =
    openCase(env) ??
    requireRole(env, rolesParam(env.ctx.settings, def.impRecordedBy), 'record IMP grades', [
      'ME-71',
    ]);
  return refusal === null ? ok(['ME-71', 'ME-72']) : fail(refusal);
}

/** Recording IMP grades and evaluating the triggers: it proposes, a person decides (ME-71..78). */
export const recordImpPolicy: Policy<'recordImp'> = {
  label: () => 'Record IMP progress',
  candidates: () => [{}],
  paramsOf: () => ({}),
  permit,
  apply: (env, c, rules) => {
    const def = env.ctx.definition;
    const point = def.imp.find((p) => p.id === c.pointId);
    if (point === undefined)
      return fail(
        refuse(
          'VALIDATION_FAILED',
          `"${c.pointId}" is not an IMP point; use ${def.imp.map((p) => p.id).join(', ')}.`,
          rules,
        ),
      );
    const badGrade = c.grades.find((g) => !def.grades.includes(g.grade));
    if (badGrade !== undefined)
      return fail(
        refuse(
          'VALIDATION_FAILED',
          `"${badGrade.grade}" is not a grade; use ${def.grades.join(', ')}.`,
          ['ME-72'],
        ),
      );
    const badValue = c.coreValues.find((v) => !def.coreValues.includes(v));
    if (badValue !== undefined)
      return fail(refuse('VALIDATION_FAILED', `"${badValue}" is not a CORE value.`, ['ME-72']));
    const evaluation = evaluateImp(point, c);
    const record = {
      impId: env.ctx.newId(),
      pointId: point.id,
      recordedBy: actingId(env),
      recordedAt: env.ctx.now.toISOString(),
      grades: c.grades,
      partTwoMet: c.partTwoMet,
      coreValues: c.coreValues,
      standardsMetInFull: c.standardsMetInFull,
      fired: evaluation.fired,
      notes: evaluation.notes,
      results: evaluation.results,
    };
    const effects =
      evaluation.fired.length > 0
        ? notify(env, ['courseTutor', 'programmeLead'], 'imp-triggered', point.rules)
        : [];
    return ok({
      events: [{ type: 'ImpRecorded', record }],
      effects: [...effects, { kind: 'refreshCaseCard' }],
    });
  },
};
