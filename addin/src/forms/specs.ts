import type { AvailableCommand, CaseView, Outline } from '../api/schemas';
import { roles } from '@shared/domain/role-ids';
import { dayConvention, ukDate } from '../format/dates';
import { roleWords } from '../format/labels';
import { correctionBody, correctionFields } from './correction-spec';
import type { FieldSpec } from './field-spec';

const todayUk = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());

function people(view: CaseView) {
  return view.participants
    .filter((p) => p.active)
    .map((p) => ({ id: p.participantId, label: `${p.name} (${p.roleLabel})` }));
}

function windowHint(view: CaseView): string | undefined {
  const w = view.stage?.reviewWindow;
  if (w === null || w === undefined) return undefined;
  const range = `Between ${ukDate(w.earliest)} and ${ukDate(w.latest)}`;
  const rules = w.rules.length > 0 ? ` (${w.rules.join(', ')})` : '';
  return `${range}${rules}. ${dayConvention(w.unit)}`;
}

type SpecBuilder = (
  view: CaseView,
  outline: Outline | undefined,
  c: AvailableCommand,
) => FieldSpec[];

const notes = (label = 'Notes', required = true): FieldSpec => ({
  kind: 'textarea',
  name: 'notes',
  label,
  required,
});

/** Field specs for the commands whose forms are plain fields (the others have their own form). */
export const fieldSpecs: Readonly<Record<string, SpecBuilder>> = {
  raiseConcern: (_v, outline) => [
    {
      kind: 'select',
      name: 'category',
      label: 'Category',
      required: true,
      options: (outline?.categories ?? []).map((c) => ({
        value: c.id,
        label: c.specialCategory
          ? `${c.label} (special category: kept out of chat and email)`
          : c.label,
      })),
    },
    { kind: 'textarea', name: 'description', label: 'What happened', required: true },
    { kind: 'textarea', name: 'evidence', label: 'Evidence (optional)' },
    { kind: 'checkbox', name: 'seriousIncident', label: 'This is a one-time serious incident' },
  ],
  startStage: () => [
    { kind: 'textarea', name: 'reason', label: 'Reason', required: true },
    { kind: 'textarea', name: 'overview', label: 'Overview (optional)' },
  ],
  setPlanDetails: (v) => [
    {
      kind: 'textarea',
      name: 'overview',
      label: 'Overview',
      initial: v.stage?.plan.overview ?? '',
    },
    {
      kind: 'textarea',
      name: 'supportMeasures',
      label: 'Support measures',
      initial: v.stage?.plan.supportMeasures ?? '',
    },
  ],
  setReviewDate: (v) => [
    {
      kind: 'date',
      name: 'reviewDate',
      label: 'Review date',
      required: true,
      hint: windowHint(v),
      initial: v.stage?.plan.reviewDate ?? v.stage?.reviewWindow?.latest ?? '',
    },
  ],
  scheduleMeeting: (v, _o, c) => {
    const def = v.stage?.requiredMeetings.find((m) => m.id === c.params.meetingDefinitionId);
    return [
      { kind: 'datetime', name: 'start', label: 'Starts (UK time)', required: true },
      {
        kind: 'number',
        name: 'durationMinutes',
        label: 'Duration (minutes)',
        required: true,
        initial: '60',
      },
      {
        kind: 'checkbox',
        name: 'online',
        label: def?.online === true ? 'Online Teams meeting (required)' : 'Online Teams meeting',
        initial: def?.online !== false,
      },
      {
        kind: 'people',
        name: 'attendees',
        label: 'Attendees',
        required: true,
        people: people(v),
        initial: people(v).map((p) => p.id),
      },
    ];
  },
  recordMeetingHeld: () => [notes('What was discussed and agreed')],
  cancelMeeting: () => [
    { kind: 'textarea', name: 'reason', label: 'Why it is cancelled', required: true },
  ],
  recordObservation: (v, outline) => [
    {
      kind: 'select',
      name: 'observationDefinitionId',
      label: 'Which observation',
      nullable: true,
      options: (outline?.stages.find((s) => s.id === v.stage?.stageId)?.observations ?? []).map(
        (o) => ({
          value: o.id,
          label: `${o.label} (${o.rules.join(', ')})`,
        }),
      ),
    },
    { kind: 'date', name: 'date', label: 'Date of the lesson', required: true, initial: todayUk() },
    { kind: 'people', name: 'observers', label: 'Observed by', required: true, people: people(v) },
    notes('What was seen'),
  ],
  recordFinalOutcome: (v) => [
    {
      kind: 'select',
      name: 'progress',
      label: 'Progress',
      required: true,
      options: [
        { value: 'sufficient', label: 'Sufficient progress' },
        { value: 'insufficient', label: 'Insufficient progress' },
      ],
    },
    {
      kind: 'select',
      name: 'basis',
      label: 'Basis (insufficient progress only)',
      nullable: true,
      options: [
        { value: 'unlikely-to-progress', label: 'Unlikely to progress to QTS' },
        { value: 'serious-negative-impact', label: 'Serious negative impact on pupils' },
      ],
    },
    { kind: 'people', name: 'agreedBy', label: 'Agreed by', people: people(v) },
    notes('Reasons and evidence'),
  ],
  completeDuty: () => [notes('Notes (optional)', false)],
  correctEntry: (v, _o, c) => correctionFields(v, c),
  retryDelivery: () => [],
  acknowledgeConcern: () => [],
  recordAppealDecision: () => [
    {
      kind: 'select',
      name: 'decision',
      label: 'Appeal',
      required: true,
      options: [
        { value: 'lodged', label: 'I want to appeal (lodged)' },
        { value: 'declined', label: 'I do not want to appeal (declined)' },
      ],
    },
  ],
  recordAppealOutcome: () => [
    {
      kind: 'select',
      name: 'outcome',
      label: 'Outcome',
      required: true,
      options: [
        { value: 'upheld', label: 'Upheld' },
        { value: 'dismissed', label: 'Dismissed' },
      ],
    },
    notes('Reasons'),
  ],
  addComment: (v) => [
    { kind: 'textarea', name: 'text', label: 'Comment', required: true },
    ...(v.viewerRoles.some((r) => r !== 'trainee')
      ? [
          {
            kind: 'select',
            name: 'visibility',
            label: 'Who can read it',
            initial: 'all',
            options: [
              { value: 'all', label: 'Everyone in the case' },
              { value: 'staff', label: 'Staff only' },
            ],
          } as FieldSpec,
        ]
      : []),
  ],
  closeCase: () => [notes('Closing notes')],
  addParticipant: () => [
    {
      kind: 'select',
      name: 'role',
      label: 'Role',
      required: true,
      // Every role but the trainee's: a case has one trainee, named when it opens.
      options: roles.filter((r) => r !== 'trainee').map((r) => ({ value: r, label: roleWords(r) })),
    },
    { kind: 'text', name: 'name', label: 'Full name', required: true },
  ],
  removeParticipant: () => [],
  removeTarget: () => [],
};

/** Commands whose body is not the flat fields. */
export const bodyTransforms: Readonly<
  Record<string, (f: Record<string, unknown>) => Record<string, unknown>>
> = {
  correctEntry: correctionBody,
  addParticipant: (f) => ({ participant: { role: f.role, name: f.name } }),
  raiseConcern: (f) => ({
    ...f,
    evidence: f.evidence === '' ? null : f.evidence,
    source: { kind: 'tab', url: null, author: null },
  }),
};

/** Commands whose body transform folds the fixed params in itself (they are not sent beside the body). */
export const paramsFolded: ReadonlySet<string> = new Set(['correctEntry']);
