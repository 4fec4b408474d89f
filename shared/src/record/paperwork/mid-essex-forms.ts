import type { StageRecord } from '../stage-record';
import type { FormBlock, PaperworkInput } from './form-model';
import { chosenVersion, commentsReview, namesOf, signatureTable, targetTable } from './form-parts';

const sharpColumns = (actions: string, completeAt: string) => [
  'SHARP Target (3 maximum)',
  `Specific Actions to be taken by the trainee${actions}`,
  '(linked to MEITT Assessment Indicators)',
  'Monitoring e.g. observations, book reviews',
  'Success Criteria – As measurable and observable, as possible with the sources of evidence identified',
  `Comments on targets set (were they met/not met? Evidence) Complete at ${completeAt}`,
];

const place = (input: PaperworkInput): [string, string][] => [
  ['Trainee:', input.trainee.name],
  ['Subject:', input.trainee.subject],
  ['School:', input.trainee.school],
];

/** A Mid Essex form, laid out as the source paperwork (ME-15, ME-25..ME-34, ME-54..ME-58, ME-79). */
export interface MidEssexLayout {
  readonly title: string;
  readonly rules: readonly string[];
  readonly blocks: (input: PaperworkInput, stage: StageRecord) => FormBlock[];
}

function ispBlocks(n: 1 | 2) {
  return (input: PaperworkInput, stage: StageRecord): FormBlock[] => {
    const { plan } = chosenVersion(stage, input.version);
    const review = commentsReview(input, stage);
    const staff =
      n === 1
        ? [
            'Progress Reviewers Mentor, Professional Tutor. Trainee present.',
            `${namesOf(input, 'mentor')}; ${namesOf(input, 'professionalMentor')}; ${input.trainee.name}`,
          ]
        : [
            'Staff members: Mentor, Professional Tutor and Course Tutor. Trainee present.',
            `${namesOf(input, 'mentor')}; ${namesOf(input, 'professionalMentor')}; ${namesOf(input, 'courseTutor')}; ${input.trainee.name}`,
          ];
    const reviewDates = n === 1 ? 'Stage 1 review date:' : 'Stage 2 review date(s):';
    return [
      {
        kind: 'fields',
        fields: [
          [`Stage ${String(n)} start date:`, stage.startedOn],
          ...place(input),
          ['Overview of Support required:', plan?.overview ?? ''],
          staff as [string, string],
        ],
      },
      ...(plan === undefined
        ? []
        : [
            {
              kind: 'table' as const,
              title: null,
              table: targetTable(
                plan,
                sharpColumns(n === 1 ? '' : ' (3 maximum)', `Stage ${String(n)} review`),
                review,
              ),
            },
          ]),
      {
        kind: 'fields',
        fields: [['Date to be reviewed: (5-10 school days)', plan?.reviewDate ?? '']],
      },
      {
        kind: 'table',
        title: null,
        table: signatureTable(
          input,
          stage,
          plan,
          n === 1 ? { courseTutor: 'Reviewed by Course Tutor' } : {},
        ),
      },
      {
        kind: 'fields',
        fields: [
          [reviewDates, stage.reviews.map((r) => r.heldOn).join(', ')],
          [
            n === 1
              ? 'Notes from review meeting and outcome'
              : 'Notes from review meeting and outcome from Stage 2',
            reviewNotes(stage),
          ],
        ],
      },
    ];
  };
}

function reviewNotes(stage: StageRecord): string {
  return stage.reviews
    .map((r) => {
      const met = r.outcomes.filter((o) => o.met).length;
      const outcome =
        met === r.outcomes.length
          ? 'all targets met'
          : `${String(r.outcomes.length - met)} of ${String(r.outcomes.length)} targets not met`;
      return `${r.heldOn}: ${r.notes === '' ? '' : `${r.notes}. `}Outcome: ${outcome}.`;
    })
    .join('\n');
}

function cfcBlocks(input: PaperworkInput, stage: StageRecord): FormBlock[] {
  const { plan } = chosenVersion(stage, input.version);
  const final = input.stages[input.position];
  const finalReview = final?.stageId === 'stage-4' ? final : undefined;
  const review = commentsReview(input, stage);
  const staff = ['courseTutor', 'mentor', 'professionalMentor', 'director']
    .map((r) => namesOf(input, r))
    .filter((x) => x !== '');
  const outcome = finalReview?.finalOutcome;
  const notes = [
    ...(finalReview === undefined ? [] : [reviewNotes(finalReview)]),
    ...(outcome == null
      ? []
      : [
          outcome.progress === 'sufficient'
            ? 'Outcome 1: sufficient progress (ME-61).'
            : 'Outcome 2: insufficient progress (ME-62).',
        ]),
  ].join('\n');
  return [
    {
      kind: 'fields',
      fields: [
        ['Stage 3 start date:', stage.startedOn],
        ...place(input),
        ['Overview of reason for Cause for Concern process:', plan?.overview ?? stage.reason],
        [
          'Staff members: Course Tutor, Mentor and Professional Tutor, Director /Assistant Director present',
          staff.join('; '),
        ],
        ['Final Review Date:', plan?.reviewDate ?? ''],
      ],
    },
    ...(plan === undefined
      ? []
      : [
          {
            kind: 'table' as const,
            title: null,
            table: targetTable(plan, sharpColumns(' (3 maximum)', 'Stage 4 Final review'), review),
          },
        ]),
    {
      kind: 'fields',
      fields: [['Date to be reviewed: (10 school days maximum)', plan?.reviewDate ?? '']],
    },
    { kind: 'table', title: null, table: signatureTable(input, stage, plan) },
    {
      kind: 'fields',
      fields: [
        [
          'Stage 4 Final review date: 10 days maximum',
          finalReview?.reviews.map((r) => r.heldOn).join(', ') ?? '',
        ],
        ['Notes from review meeting:', notes],
        ['Date to be reviewed:', plan?.reviewDate ?? ''],
      ],
    },
  ];
}

function preStageBlocks(input: PaperworkInput, stage: StageRecord): FormBlock[] {
  const { plan } = chosenVersion(stage, input.version);
  return [
    {
      kind: 'fields',
      fields: [
        ['Pre-Stage 1 meeting', stage.startedOn],
        ...place(input),
        ['Overview of Support required:', plan?.overview ?? stage.reason],
        [
          'Progress Reviewers (Mentor and Professional Tutor discuss with Course Tutor).',
          ['mentor', 'professionalMentor', 'courseTutor']
            .map((r) => namesOf(input, r))
            .filter((x) => x !== '')
            .join('; '),
        ],
      ],
    },
  ];
}

/** The Mid Essex forms by stage id. */
export const midEssexLayouts: Readonly<Record<string, MidEssexLayout>> = {
  'pre-stage-1': {
    title: 'Pre-Stage 1 discussion',
    rules: ['ME-15', 'ME-79'],
    blocks: preStageBlocks,
  },
  'stage-1': {
    title: 'Stage 1 – Individual Support Plan',
    rules: ['ME-25', 'ME-26', 'ME-27', 'ME-28', 'ME-29', 'ME-79'],
    blocks: ispBlocks(1),
  },
  'stage-2': {
    title: 'Stage 2 – Individual Support Plan',
    rules: ['ME-30', 'ME-31', 'ME-32', 'ME-33', 'ME-34', 'ME-79'],
    blocks: ispBlocks(2),
  },
  'stage-3': {
    title: 'Stage 3 – Start of Cause for Concern Process (10 days maximum)',
    rules: ['ME-54', 'ME-55', 'ME-56', 'ME-57', 'ME-58', 'ME-79'],
    blocks: cfcBlocks,
  },
};
