import type { Target } from '../domain/state';
import { buildCard } from './build-card';
import type { AdaptiveCard } from './card-types';
import { actionSet, execute, heading, note, paragraph, run } from './elements';
import { inputIds } from './inputs';
import { verbs } from './verbs';

/** The plan version to sign and what it contains. */
export interface SignPlanCardInput {
  readonly caseId: string;
  readonly traineeName: string;
  readonly stageLabel: string;
  readonly planVersion: number;
  readonly targets: readonly Target[];
  readonly error?: string;
}

/** Signing one exact plan version with a typed full name. */
export function signPlanCard(input: SignPlanCardInput): AdaptiveCard {
  const data = { verb: verbs.signPlan, caseId: input.caseId, planVersion: input.planVersion };
  return buildCard([
    heading('Sign the plan'),
    paragraph(
      run('You are signing version '),
      run(String(input.planVersion), { weight: 'Bolder' }),
      run(' of the '),
      run(input.stageLabel, { weight: 'Bolder' }),
      run(' plan for '),
      run(input.traineeName, { weight: 'Bolder' }),
      run('.'),
    ),
    ...input.targets.map((t, i) => paragraph(run(`${i + 1}. `, { weight: 'Bolder' }), run(t.text))),
    ...(input.error === undefined ? [] : [paragraph(run(input.error, { color: 'Attention' }))]),
    note('If the plan changes before you sign, you will be asked to read it again.'),
    {
      type: 'Input.Text',
      id: inputIds.typedFullName,
      label: 'Type your full name to sign',
      isRequired: true,
      maxLength: 200,
      errorMessage: 'Type your full name.',
    },
    actionSet([
      execute('Sign', data, 'positive'),
      execute('Back', { verb: verbs.refreshCase, caseId: input.caseId }),
    ]),
  ]);
}
