import type { Target } from '../domain/state';
import { textLimits } from '../schemas/text';
import { buildCard } from './build-card';
import type { AdaptiveCard, CardElement } from './card-types';
import { actionSet, container, execute, field, heading, paragraph, run } from './elements';
import { evidenceInputId, inputIds, metInputId } from './inputs';
import { verbs } from './verbs';

/** The review form: met / not met and evidence for every target. */
export interface ReviewCardInput {
  readonly caseId: string;
  readonly traineeName: string;
  readonly stageLabel: string;
  readonly targets: readonly Target[];
  /** The civil date to offer as the review date. */
  readonly heldOn: string;
  readonly error?: string;
}

function target(t: Target, i: number): CardElement {
  return container(
    [
      paragraph(run(`Target ${i + 1}: `, { weight: 'Bolder' }), run(t.text)),
      {
        type: 'Input.ChoiceSet',
        id: metInputId(t.targetId),
        label: 'Outcome',
        style: 'compact',
        isRequired: true,
        errorMessage: 'Say whether this target was met.',
        choices: [
          { title: 'Met', value: 'true' },
          { title: 'Not met', value: 'false' },
        ],
      },
      {
        type: 'Input.Text',
        id: evidenceInputId(t.targetId),
        label: 'Evidence',
        isMultiline: true,
        isRequired: true,
        maxLength: textLimits.long,
        errorMessage: 'Give the evidence.',
      },
    ],
    true,
  );
}

/** A form to record a review of the current stage's targets. */
export function reviewCard(input: ReviewCardInput): AdaptiveCard {
  return buildCard([
    heading('Record a review'),
    field('Trainee', input.traineeName),
    field('Stage', input.stageLabel),
    ...(input.error === undefined ? [] : [paragraph(run(input.error, { color: 'Attention' }))]),
    {
      type: 'Input.Date',
      id: inputIds.heldOn,
      label: 'Review held on',
      isRequired: true,
      value: input.heldOn,
      errorMessage: 'Give the date.',
    },
    ...input.targets.map(target),
    {
      type: 'Input.Text',
      id: inputIds.notes,
      label: 'Notes (optional)',
      isMultiline: true,
      maxLength: textLimits.long,
    },
    actionSet([
      execute('Record review', { verb: verbs.recordReview, caseId: input.caseId }, 'positive'),
      execute('Back', { verb: verbs.refreshCase, caseId: input.caseId }),
    ]),
  ]);
}
