import type { Role } from '../domain/roles';
import type { CaseView } from '../domain/view';
import { buildCard } from './build-card';
import type { AdaptiveCard, CardElement } from './card-types';
import { actionSet, execute, field, heading, note, paragraph, run } from './elements';
import { inputIds } from './inputs';
import { neutralise, truncate } from './safe-text';
import { verbs } from './verbs';

/** A meeting the current stage requires, as the case view describes it. */
export interface RequiredMeeting {
  readonly id: string;
  readonly label: string;
  readonly online: boolean | null;
  readonly participants: readonly Role[];
}

/** The schedule-a-meeting form. */
export interface ScheduleMeetingCardInput {
  readonly caseId: string;
  readonly traineeName: string;
  readonly meeting: RequiredMeeting;
  readonly people: CaseView['participants'];
  /** The date to offer first (a civil date, e.g. the next working day). */
  readonly defaultDate: string;
  readonly error?: string;
}

function attendees(input: ScheduleMeetingCardInput): CardElement {
  const people = input.people.filter((p) => p.active);
  const required = people
    .filter((p) => input.meeting.participants.includes(p.role))
    .map((p) => p.participantId);
  return {
    type: 'Input.ChoiceSet',
    id: inputIds.attendees,
    label: 'Attendees',
    style: 'compact',
    isMultiSelect: true,
    isRequired: true,
    errorMessage: 'Choose who attends.',
    value: [...new Set(required)].join(','),
    choices: people.map((p) => ({
      title: truncate(neutralise(`${p.name} (${p.roleLabel})`), 120),
      value: p.participantId,
    })),
  };
}

function onlineChoice(meeting: RequiredMeeting): CardElement {
  if (meeting.online === true)
    return note('This meeting must be held online: a Teams meeting is added to the invitation.');
  return {
    type: 'Input.Toggle',
    id: inputIds.online,
    title: 'Online (Teams meeting)',
    value: meeting.online === false ? 'false' : 'true',
    valueOn: 'true',
    valueOff: 'false',
  };
}

/** A form to schedule a stage's required meeting, attendees prefilled from the roles it requires. */
export function scheduleMeetingCard(input: ScheduleMeetingCardInput): AdaptiveCard {
  const data = {
    verb: verbs.scheduleMeeting,
    caseId: input.caseId,
    meetingDefinitionId: input.meeting.id,
  };
  return buildCard([
    heading('Schedule a meeting'),
    field('Meeting', input.meeting.label),
    field('Trainee', input.traineeName),
    ...(input.error === undefined ? [] : [paragraph(run(input.error, { color: 'Attention' }))]),
    {
      type: 'Input.Date',
      id: inputIds.date,
      label: 'Date',
      isRequired: true,
      value: input.defaultDate,
      errorMessage: 'Choose a date.',
    },
    {
      type: 'Input.Time',
      id: inputIds.time,
      label: 'Start time (UK)',
      isRequired: true,
      value: '15:30',
      errorMessage: 'Choose a time.',
    },
    {
      type: 'Input.Number',
      id: inputIds.durationMinutes,
      label: 'Duration (minutes)',
      min: 10,
      max: 480,
      value: 60,
      isRequired: true,
      errorMessage: 'Between 10 and 480 minutes.',
    },
    attendees(input),
    onlineChoice(input.meeting),
    actionSet([
      execute('Schedule and invite', data, 'positive'),
      execute('Back', { verb: verbs.refreshCase, caseId: input.caseId }),
    ]),
  ]);
}
