import { todayInUk } from '../../calendar';
import { fail, ok, refuse, type Result } from '../../errors/refusal';
import { activeParticipants } from '../actor';
import { rolesParam } from '../settings';
import { currentStage, roleLabel } from '../stage-lookup';
import { paperMark } from './paper-record';
import { departureFrom, withDeparture } from './agreed-date';
import { actingId, notify, openCase, requireRole, type Env, type Policy } from './policy';

function permit(env: Env): Result<readonly string[]> {
  const closed = openCase(env);
  if (closed !== null) return fail(closed);
  if (env.state.current === null)
    return fail(refuse('NO_ACTIVE_STAGE', 'Observations are recorded within a stage.'));
  const refusal = requireRole(
    env,
    rolesParam(env.ctx.settings, env.ctx.definition.observationsRecordedBy),
    'record an observation',
    ['ME-03'],
  );
  return refusal === null ? ok(['ME-03', 'ME-49']) : fail(refusal);
}

/** Recording a lesson observation, checking the observers a stage requires (BF-10, BF-22, ME-44). */
export const recordObservationPolicy: Policy<'recordObservation'> = {
  label: () => 'Record an observation',
  candidates: () => [{}],
  paramsOf: () => ({}),
  permit,
  apply: (env, c) => {
    const current = currentStage(env.ctx.definition, env.state);
    if (!current.ok) return current;
    const { stage } = current.value;
    if (c.date > todayInUk(env.ctx.now))
      return fail(
        refuse('VALIDATION_FAILED', 'An observation cannot be recorded for a future date.'),
      );
    const paper = paperMark(
      env,
      c.recordedFromPaper,
      c.date,
      'The observation',
      current.value.instance,
    );
    if ('refusal' in paper) return fail(paper.refusal);
    const active = activeParticipants(env.state);
    const observers = active.filter((p) => c.observers.includes(p.participantId));
    if (observers.length !== new Set(c.observers).size)
      return fail(
        refuse('UNKNOWN_PARTICIPANT', 'Every observer must be a current participant in the case.'),
      );
    let rules: readonly string[] = ['ME-03'];
    let departure: ReturnType<typeof departureFrom>;
    if (c.observationDefinitionId !== null) {
      const def = stage.observations.find((o) => o.id === c.observationDefinitionId);
      if (def === undefined)
        return fail(
          refuse(
            'UNKNOWN_OBSERVATION',
            `${stage.label} has no observation "${c.observationDefinitionId}".`,
          ),
        );
      const roles = new Set(observers.map((o) => o.role));
      if (!def.observers.some((set) => set.every((r) => roles.has(r)))) {
        const options = def.observers
          .map((set) => set.map((r) => roleLabel(env.ctx.definition, r)).join(' with '))
          .join(', or ');
        return fail(
          refuse(
            'OBSERVER_NOT_ALLOWED',
            `The ${def.label} is carried out by ${options} (${def.rules.join(', ')}).`,
            def.rules,
          ),
        );
      }
      rules = def.rules;
      departure = departureFrom(
        def.onAgreedDate,
        def.rules,
        current.value.instance,
        c.date,
        c.departureReason,
      );
    }
    const observation = {
      ...paper.mark,
      observationId: env.ctx.newId(),
      definitionId: c.observationDefinitionId,
      date: c.date,
      observers: c.observers,
      notes: c.notes,
      recordedBy: actingId(env),
      ...withDeparture(departure),
    };
    return ok({
      events: [{ type: 'ObservationRecorded', observation }],
      effects: [
        ...notify(env, ['courseTutor', 'programmeLead'], 'observation-recorded', rules),
        { kind: 'refreshCaseCard' },
      ],
    });
  },
};
