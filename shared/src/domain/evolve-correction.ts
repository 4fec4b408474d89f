import type { CaseEvent } from './events';
import type { CaseState, StageInstance } from './state';

type Corrected = Extract<CaseEvent, { type: 'EntryCorrected' }>;

function corrected(instance: StageInstance, event: Corrected): StageInstance {
  const { entryId } = event.correction;
  const r = event.replacement;
  switch (r.kind) {
    case 'observation':
      return {
        ...instance,
        observations: instance.observations.map((o) =>
          o.observationId === entryId ? r.observation : o,
        ),
      };
    case 'review':
      return {
        ...instance,
        reviews: instance.reviews.map((x) => (x.reviewId === entryId ? r.review : x)),
      };
    case 'duty':
      return { ...instance, duties: instance.duties.filter((d) => d.dutyId !== entryId) };
    case 'finalOutcome':
      return { ...instance, finalOutcome: r.outcome };
    case 'meeting':
      return {
        ...instance,
        meetings: instance.meetings.map((m) =>
          m.meetingId === entryId ? { ...m, status: r.status, notes: r.notes } : m,
        ),
      };
  }
}

/** Applies a correction to the stage it names: the entry is superseded (the event keeps both). */
export function applyCorrection(state: CaseState, event: Corrected): CaseState {
  const current = state.current;
  if (current?.instanceId !== event.correction.instanceId) return state;
  const next = corrected(current, event);
  const plan =
    event.planVersion === null ? next.plan : { ...next.plan, version: event.planVersion };
  return { ...state, current: { ...next, plan } };
}
