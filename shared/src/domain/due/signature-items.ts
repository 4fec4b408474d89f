import { todayInUk } from '../../calendar';
import type { StageDefinition } from '../../procedures/schema';
import type { DecisionContext } from '../context';
import type { CaseState, StageInstance } from '../state';
import { signerSlots } from '../signers';
import type { DueItem } from './due-item';

/**
 * Signatures missing after N working days (setting `signatureChaseDays`; BF-20, ME-28, ME-33,
 * ME-57): counted from the first signature on the current plan version, to the roles whose
 * rows are still unsigned. A version nobody has signed yet is not chased.
 */
export function signatureItems(
  ctx: DecisionContext,
  state: CaseState,
  stage: StageDefinition,
  instance: StageInstance,
): DueItem[] {
  const days = ctx.settings.signatureChaseDays;
  if (stage.signatures === undefined || typeof days !== 'number') return [];
  if (instance.fullySignedVersion === instance.plan.version) return [];
  const signed = instance.signatures
    .filter((s) => s.planVersion === instance.plan.version)
    .map((s) => s.signedAt)
    .sort();
  const first = signed[0];
  if (first === undefined) return [];
  const missing = signerSlots(ctx.definition, stage, instance, state, ctx.settings)
    .filter((slot) => slot.signed === null)
    .map((slot) => slot.role);
  if (missing.length === 0) return [];
  return [
    {
      kind: 'signatures-missing',
      occurrence: `${instance.instanceId}:v${String(instance.plan.version)}`,
      dueOn: ctx.calendar.addDays(todayInUk(new Date(first)), days, 'working'),
      rules: stage.signatures.rules,
      notify: [...new Set(missing)],
    },
  ];
}
