import { todayInUk } from '../calendar';
import { allInstances, currentStage, latestReview, stageDefinition } from '../domain/stage-lookup';
import { reviewWindow } from '../domain/review-window';
import { paramValue } from '../domain/settings';
import { refuse, type Refusal } from '../errors/refusal';
import type { GuardDefinition } from '../procedures/schema';
import type { GuardContext } from './guard-context';
import { applicableDuties } from './duties';
import { observationRecorded, planFullySigned, targetsSet } from './stage-evidence-guards';

type Guard = (
  g: GuardContext,
  params: Readonly<Record<string, unknown>>,
  rules: readonly string[],
) => Refusal | null;

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
const stageLabel = (g: GuardContext, id: string) =>
  stageDefinition(g.ctx.definition, id)?.label ?? id;

/** A guard on the current stage's latest review: all met (`wanted` true) or some not met (false). */
const latestReviewIs =
  (wanted: boolean, otherwise: string): Guard =>
  (g, _p, rules) => {
    const review = g.state.current === null ? undefined : latestReview(g.state.current);
    if (review === undefined) {
      return refuse(
        'GUARD_FAILED',
        'The targets of the current stage have not been reviewed yet.',
        rules,
      );
    }
    return review.allMet === wanted ? null : refuse('GUARD_FAILED', otherwise, rules);
  };

const latestReviewHasUnmetTarget = latestReviewIs(
  false,
  'The latest review found every target met, so there is no ground to escalate.',
);

const latestReviewAllMet = latestReviewIs(
  true,
  'The latest review found at least one target not met.',
);

const stagesEndedWithUnmetTargets: Guard = (g, p, rules) => {
  const instances = allInstances(g.state);
  const missing = strings(p.stages).filter(
    (id) => !instances.some((i) => i.stageId === id && latestReview(i)?.allMet === false),
  );
  if (missing.length === 0) return null;
  const names = missing.map((id) => stageLabel(g, id)).join(' and ');
  return refuse(
    'GUARD_FAILED',
    `A Cause for Concern follows unmet targets at both earlier stages; not yet shown for ${names}.`,
    rules,
  );
};

const timescaleExhausted: Guard = (g, p, rules) => {
  if (typeof p.setting === 'string' && !paramValue<boolean>(g.ctx.settings, { setting: p.setting }))
    return null;
  const current = currentStage(g.ctx.definition, g.state);
  if (!current.ok) return null;
  const { instance, stage } = current.value;
  const window = reviewWindow(stage, instance, g.state, g.ctx.settings, g.ctx.calendar);
  const today = todayInUk(g.ctx.now);
  // Exhausted: the stage has run its minimum period and been reviewed, or its window has closed.
  if (window?.latest != null && window.latest < today) return null;
  const ranMinimum = window?.earliest == null || window.earliest <= today;
  if (instance.reviews.length > 0 && ranMinimum) return null;
  const until =
    instance.reviews.length === 0
      ? 'record its review first'
      : `it runs until at least ${window?.earliest ?? ''}`;
  return refuse(
    'GUARD_FAILED',
    `No further stage may start until ${stage.label}'s timescale is exhausted: ${until}.`,
    rules,
  );
};

const seriousIncidentRaised: Guard = (g, _p, rules) =>
  g.state.concerns.some((c) => c.seriousIncident)
    ? null
    : refuse(
        'GUARD_FAILED',
        'Going straight to a Cause for Concern needs a concern recorded as a one-time serious incident.',
        rules,
      );

const writtenEvidence: Guard = (g, p, rules) => {
  const command = g.command?.type === 'startStage' ? g.command : undefined;
  if (command === undefined) return null; // needs the command's evidence; checked when issued
  const known = new Set(
    allInstances(g.state).flatMap((i) => i.observations.map((o) => o.observationId)),
  );
  const reports = command.evidence.writtenReports.length;
  const observations = command.evidence.observationIds.filter((id) => known.has(id)).length;
  const needReports = typeof p.reports === 'number' ? p.reports : 1;
  const needObservations = typeof p.observations === 'number' ? p.observations : 1;
  if (reports >= needReports && observations >= needObservations) return null;
  return refuse(
    'GUARD_FAILED',
    `An extreme-case Cause for Concern must be evidenced by written reports (${reports}/${needReports}) and recorded observations (${observations}/${needObservations}).`,
    rules,
  );
};

const finalOutcomeConditions: Guard = (g, p, rules) => {
  const outcome = g.state.current?.finalOutcome ?? null;
  if (outcome === null)
    return refuse('GUARD_FAILED', 'The final review outcome has not been recorded yet.', rules);
  return outcome.progress === p.progress
    ? null
    : refuse('GUARD_FAILED', `The final review recorded ${outcome.progress} progress.`, rules);
};

const dutiesComplete: Guard = (g, _p, rules) => {
  const current = currentStage(g.ctx.definition, g.state);
  if (!current.ok) return current.refusal;
  const open = applicableDuties(current.value.stage, current.value.instance).filter(
    (d) => d.applicable && !d.done,
  );
  return open.length === 0
    ? null
    : refuse('GUARD_FAILED', `Still to do: ${open.map((d) => d.label).join('; ')}.`, rules);
};

const appealResolved: Guard = (g, p, rules) => {
  const status = g.state.current?.appeal.status ?? 'not-informed';
  return strings(p.allowed).includes(status)
    ? null
    : refuse('GUARD_FAILED', `The appeal is ${status.replace('-', ' ')}.`, rules);
};

const meetingHeld: Guard = (g, p, rules) => {
  const current = g.state.current;
  if (current?.meetings.some((m) => m.definitionId === p.meeting && m.status === 'held') === true)
    return null;
  const stage = current === null ? undefined : stageDefinition(g.ctx.definition, current.stageId);
  const label = stage?.meetings.find((m) => m.id === p.meeting)?.label;
  const what = label === undefined ? 'The required meeting' : `The ${label}`;
  return refuse(
    'GUARD_FAILED',
    `${what} has not been recorded as held (${rules.join(', ')}).`,
    rules,
  );
};

const settingEnabled: Guard = (g, p, rules) =>
  typeof p.setting === 'string' && g.ctx.settings[p.setting] === true
    ? null
    : refuse('GUARD_FAILED', 'The provider has not enabled this option.', rules);

const concernRaised: Guard = (g, _p, rules) =>
  g.state.concerns.length > 0
    ? null
    : refuse('GUARD_FAILED', 'Raise a concern before starting the procedure.', rules);

const guards: Record<GuardDefinition['name'], Guard> = {
  latestReviewHasUnmetTarget,
  latestReviewAllMet,
  stagesEndedWithUnmetTargets,
  timescaleExhausted,
  seriousIncidentRaised,
  writtenEvidence,
  finalOutcomeConditions,
  dutiesComplete,
  appealResolved,
  meetingHeld,
  settingEnabled,
  concernRaised,
  targetsSet,
  observationRecorded,
  planFullySigned,
};

/** Runs named guards in order; the first refusal wins. */
export function checkGuards(
  g: GuardContext,
  definitions: readonly GuardDefinition[],
): Refusal | null {
  for (const d of definitions) {
    const refusal = guards[d.name](g, d.params, d.rules);
    if (refusal !== null) return refusal;
  }
  return null;
}
