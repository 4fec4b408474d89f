import { fullySigned, signerSlots } from '../domain/signers';
import { stageDefinition } from '../domain/stage-lookup';
import { refuse, type Refusal } from '../errors/refusal';
import type { GuardContext } from './guard-context';

type Guard = (
  g: GuardContext,
  params: Readonly<Record<string, unknown>>,
  rules: readonly string[],
) => Refusal | null;

const cite = (rules: readonly string[]) => ` (${rules.join(', ')})`;

/** The current stage has at least `min` targets on its plan (default 1). */
export const targetsSet: Guard = (g, p, rules) => {
  const min = typeof p.min === 'number' ? p.min : 1;
  const count = g.state.current?.plan.targets.length ?? 0;
  return count >= min
    ? null
    : refuse(
        'GUARD_FAILED',
        `The current plan has ${count} target${count === 1 ? '' : 's'}; at least ${min} must be agreed first${cite(rules)}.`,
        rules,
      );
};

/** The current stage has recorded the named observation (`params.observation`). */
export const observationRecorded: Guard = (g, p, rules) => {
  const id = typeof p.observation === 'string' ? p.observation : '';
  const current = g.state.current;
  if (current?.observations.some((o) => o.definitionId === id) === true) return null;
  const stage = current === null ? undefined : stageDefinition(g.ctx.definition, current.stageId);
  const label = stage?.observations.find((o) => o.id === id)?.label ?? id;
  return refuse('GUARD_FAILED', `The ${label} has not been recorded yet${cite(rules)}.`, rules);
};

/** Every signer the current stage's plan needs has signed its current version. */
export const planFullySigned: Guard = (g, _p, rules) => {
  const current = g.state.current;
  const stage = current === null ? undefined : stageDefinition(g.ctx.definition, current.stageId);
  if (current === null || stage === undefined) return null;
  const slots = signerSlots(g.ctx.definition, stage, current, g.state, g.ctx.settings);
  if (fullySigned(slots)) return null;
  const missing = slots.filter((s) => s.signed === null).map((s) => s.roleLabel);
  const who = slots.length === 0 ? 'nobody named in the case can sign it' : missing.join(', ');
  return refuse(
    'GUARD_FAILED',
    `The plan (version ${current.plan.version}) is not signed by everyone yet; still to sign: ${who}${cite(rules)}.`,
    rules,
  );
};
