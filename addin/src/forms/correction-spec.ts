import type { AvailableCommand, CaseView, StageView } from '../api/schemas';
import type { FieldSpec } from './field-spec';

const reason: FieldSpec = {
  kind: 'textarea',
  name: 'reason',
  label: 'Why the entry was wrong (kept in the history)',
  required: true,
};

function people(view: CaseView) {
  return view.participants
    .filter((p) => p.active)
    .map((p) => ({ id: p.participantId, label: `${p.name} (${p.roleLabel})` }));
}

function reviewFields(stage: StageView, reviewId: string): FieldSpec[] {
  const review = stage.reviews.find((r) => r.reviewId === reviewId);
  const n = (id: string) => stage.plan.targets.findIndex((t) => t.targetId === id) + 1;
  return [
    { kind: 'date', name: 'heldOn', label: 'Held on', required: true, initial: review?.heldOn },
    ...(review?.outcomes ?? []).flatMap((o): FieldSpec[] => [
      {
        kind: 'checkbox',
        name: `met:${o.targetId}`,
        label: `Target ${String(n(o.targetId))} met`,
        initial: o.met,
      },
      {
        kind: 'textarea',
        name: `evidence:${o.targetId}`,
        label: `Evidence for target ${String(n(o.targetId))}`,
        required: true,
        initial: o.evidence,
      },
    ]),
    { kind: 'textarea', name: 'notes', label: 'Notes (optional)', initial: review?.notes },
  ];
}

/** The correction form's fields for the entry `correctEntry`'s params name (kind, entryId), prefilled from the entry. */
export function correctionFields(view: CaseView, c: AvailableCommand): FieldSpec[] {
  const stage = view.stage;
  const kind = String(c.params.kind);
  const entryId = String(c.params.entryId);
  if (stage === null) return [reason];
  if (kind === 'observation') {
    const o = stage.observations.find((x) => x.observationId === entryId);
    return [
      reason,
      { kind: 'date', name: 'date', label: 'Date of the lesson', required: true, initial: o?.date },
      {
        kind: 'people',
        name: 'observers',
        label: 'Observed by',
        required: true,
        people: people(view),
        initial: o?.observers,
      },
      { kind: 'textarea', name: 'notes', label: 'Notes', required: true, initial: o?.notes },
    ];
  }
  if (kind === 'review') return [reason, ...reviewFields(stage, entryId)];
  if (kind === 'meeting') {
    const m = stage.meetings.find((x) => x.meetingId === entryId);
    return [
      reason,
      {
        kind: 'checkbox',
        name: 'held',
        label: 'The meeting was held',
        initial: m?.status === 'held',
      },
      { kind: 'textarea', name: 'notes', label: 'Notes (optional)', initial: m?.notes ?? '' },
    ];
  }
  if (kind === 'finalOutcome') {
    const f = stage.finalOutcome;
    return [
      reason,
      {
        kind: 'select',
        name: 'progress',
        label: 'Progress',
        required: true,
        initial: f?.progress,
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
        initial: f?.basis ?? '',
        options: [
          { value: 'unlikely-to-progress', label: 'Unlikely to progress' },
          { value: 'serious-negative-impact', label: 'Serious negative impact' },
        ],
      },
      { kind: 'textarea', name: 'notes', label: 'Notes', required: true, initial: f?.notes },
      {
        kind: 'textarea',
        name: 'reasonAgainstReview',
        label: 'Why this departs from the latest review (if it does)',
      },
    ];
  }
  return [reason]; // a duty recorded in error: nothing more to say
}

const idField: Readonly<Record<string, string>> = {
  observation: 'observationId',
  review: 'reviewId',
  duty: 'dutyId',
  meeting: 'meetingId',
};

/** The `correctEntry` body from the form's flat fields plus the command's params (kind, entryId). */
export function correctionBody(f: Record<string, unknown>): Record<string, unknown> {
  const kind = String(f.kind);
  const { reason: why, kind: _k, entryId, ...rest } = f;
  const correction: Record<string, unknown> = { kind };
  const key = idField[kind];
  if (key !== undefined) correction[key] = entryId;
  const outcomes: { targetId: string; met: boolean; evidence: string }[] = [];
  for (const [name, value] of Object.entries(rest)) {
    const [prefix, targetId] = name.split(':');
    if (targetId === undefined) {
      if (!(name === 'reasonAgainstReview' && value === '')) correction[name] = value;
      continue;
    }
    let o = outcomes.find((x) => x.targetId === targetId);
    if (o === undefined) outcomes.push((o = { targetId, met: false, evidence: '' }));
    if (prefix === 'met') o.met = value === true;
    else o.evidence = String(value);
  }
  if (kind === 'review') correction.outcomes = outcomes;
  return { reason: why, correction };
}
