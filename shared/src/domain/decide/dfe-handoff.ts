import { fail, ok, refuse, type Result } from '../../errors/refusal';
import { currentStage } from '../stage-lookup';
import { actingId, nowIso, requireRole, type Env, type Policy } from './policy';

const rules = ['ME-70'];

function permit(env: Env): Result<readonly string[]> {
  const current = currentStage(env.ctx.definition, env.state);
  if (!current.ok) return current;
  const { stage } = current.value;
  if (!stage.rules.includes('ME-70'))
    return fail(
      refuse(
        'WRONG_STAGE',
        'The DfE handoff is recorded at the decision to the DfE (ME-70).',
        rules,
      ),
    );
  const by = [...new Set(stage.closures.flatMap((c) => (Array.isArray(c.by) ? c.by : [])))];
  const refusal = requireRole(env, by, 'record the DfE handoff', rules);
  return refusal === null ? ok(rules) : fail(refusal);
}

/** Recording the board's decision and the DfE Register fields (ME-70); a later record replaces it. */
export const recordDfeHandoffPolicy: Policy<'recordDfeHandoff'> = {
  label: () => 'Record the DfE handoff',
  candidates: () => [{}],
  paramsOf: () => ({}),
  permit,
  apply: (env, c) => {
    const { type: _type, ...fields } = c;
    return ok({
      events: [
        {
          type: 'DfeHandoffRecorded',
          handoff: { ...fields, recordedBy: actingId(env), recordedAt: nowIso(env) },
        },
      ],
      effects: [{ kind: 'refreshCaseCard' }],
    });
  },
};
