import { stageDefinition } from '../domain/stage-lookup';
import type { DescribeInput, EventDescription } from './describe-event';

const kindLabel: Readonly<Record<string, string>> = {
  observation: 'observation',
  review: 'review',
  duty: 'duty',
  finalOutcome: 'final outcome',
  meeting: 'meeting',
};

function what(input: DescribeInput, kind: string, entryId: string, replacement: unknown): string[] {
  const r = replacement as Record<string, unknown>;
  const stage = stageDefinition(input.definition, input.before?.current?.stageId ?? '');
  if (kind === 'duty') {
    const duty = stage?.duties.find((d) => d.id === entryId);
    return [`"${duty?.label ?? entryId}" is no longer recorded as done`];
  }
  if (kind === 'meeting') {
    return r.status === 'held'
      ? [`Meeting notes corrected: ${String(r.notes)}`]
      : ['The meeting is no longer recorded as held'];
  }
  if (kind === 'review') {
    const review = r.review as { outcomes: { targetId: string; met: boolean; evidence: string }[] };
    const targets = input.before?.current?.plan.targets ?? [];
    return review.outcomes.map(
      (o) =>
        `Target ${String(targets.findIndex((t) => t.targetId === o.targetId) + 1)}: ${o.met ? 'met' : 'not met'} (${o.evidence})`,
    );
  }
  if (kind === 'finalOutcome') {
    const o = r.outcome as { progress: string; notes: string };
    return [
      `Outcome now: ${o.progress === 'sufficient' ? 'Outcome 1, sufficient progress' : 'Outcome 2, insufficient progress'}`,
      `Notes: ${o.notes}`,
    ];
  }
  const o = r.observation as { date: string; notes: string };
  return [`Observation of ${o.date}: ${o.notes}`];
}

/** Describes an `EntryCorrected` event; undefined for any other event. */
export function describeCorrection(input: DescribeInput): EventDescription | undefined {
  const e = input.event;
  if (e.type !== 'EntryCorrected') return undefined;
  const stage = stageDefinition(input.definition, input.before?.current?.stageId ?? '');
  const voided =
    e.planVersion === null
      ? []
      : [
          `Signatures voided: the plan is now version ${String(e.planVersion)} and must be signed again`,
        ];
  return {
    summary: `Corrected the ${kindLabel[e.correction.kind] ?? e.correction.kind}: ${e.correction.reason}`,
    changes: [...what(input, e.correction.kind, e.correction.entryId, e.replacement), ...voided],
    rules: e.planVersion === null ? [] : (stage?.signatures?.rules ?? []),
    redacted: false,
  };
}
