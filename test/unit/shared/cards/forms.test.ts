import {
  concernCard,
  inputIds,
  raiseConcernCard,
  reviewCard,
  scheduleMeetingCard,
  signPlanCard,
  verbs,
} from '@shared/cards';
import { caseId, caseView, stageView } from './card-fixtures';
import { typedNodes } from './validate-card';

const nodes = (card: unknown, type: string) => typedNodes(card).filter((n) => n.type === type);
const input = (card: unknown, id: string) => typedNodes(card).find((n) => n.id === id);

describe('raiseConcernCard', () => {
  const base = {
    trainees: [{ value: caseId, title: 'Sam Trainee' }],
    categories: [
      { value: 'teaching', title: 'Teaching' },
      { value: 'health', title: 'Health' },
    ],
    description: 'Line one\nLine two',
    sourceAuthor: 'Morgan Mentor',
  };

  it('in a dialog submits with Action.Submit; in chat with Action.Execute; data is the verb only', () => {
    const dialog = raiseConcernCard({ ...base, mode: 'dialog' });
    const chat = raiseConcernCard({ ...base, mode: 'chat' });
    expect(nodes(dialog, 'Action.Submit').map((a) => a.data)).toEqual([
      { verb: verbs.submitConcern },
    ]);
    expect(nodes(chat, 'Action.Execute').map((a) => a.data)).toEqual([
      { verb: verbs.submitConcern },
    ]);
  });

  it('prefills the description and picks the only trainee; offers the procedure categories', () => {
    const card = raiseConcernCard({ ...base, mode: 'dialog' });
    expect(input(card, inputIds.description)).toMatchObject({
      value: 'Line one\nLine two',
      isMultiline: true,
    });
    expect(input(card, inputIds.caseId)).toMatchObject({
      value: caseId,
      choices: [{ title: 'Sam Trainee', value: caseId }],
    });
    expect(input(card, inputIds.category)).toMatchObject({
      choices: base.categories.map((c) => ({ title: c.title, value: c.value })),
    });
    expect(input(card, inputIds.seriousIncident)).toMatchObject({
      type: 'Input.Toggle',
      value: 'false',
      valueOn: 'true',
    });
    expect(JSON.stringify(card)).toContain('Morgan Mentor');
  });

  it('with no trainees says so and offers no submit', () => {
    const card = raiseConcernCard({ ...base, trainees: [], mode: 'chat' });
    expect(nodes(card, 'Action.Execute')).toEqual([]);
  });
});

describe('concernCard', () => {
  const base = {
    caseId,
    traineeName: 'Sam Trainee',
    categoryLabel: 'Health',
    raisedAt: '2025-10-01T09:00:00Z',
    seriousIncident: false,
  };

  it('hides a special-category label and never has a description field', () => {
    const text = JSON.stringify(
      concernCard({ ...base, specialCategory: true, audience: 'private' }),
    );
    expect(text).not.toContain('Health');
    expect(text).toContain('restricted');
  });

  it('in a shared conversation names neither the trainee nor the category (P4)', () => {
    const text = JSON.stringify(
      concernCard({
        ...base,
        categoryLabel: 'Teaching',
        specialCategory: false,
        audience: 'shared',
      }),
    );
    expect(text).not.toContain('Sam Trainee');
    expect(text).not.toContain('Teaching');
  });
});

describe('scheduleMeetingCard', () => {
  const view = caseView();
  const meeting = stageView().requiredMeetings[0]!;

  it('prefills attendees with the participants in the roles the meeting requires', () => {
    const card = scheduleMeetingCard({
      caseId,
      traineeName: 'Sam',
      meeting,
      people: view.participants,
      defaultDate: '2025-10-06',
    });
    expect(input(card, inputIds.attendees)).toMatchObject({
      isMultiSelect: true,
      value: 'part-0001,part-0002',
    });
    expect(nodes(card, 'Action.Execute')[0]?.data).toEqual({
      verb: verbs.scheduleMeeting,
      caseId,
      meetingDefinitionId: meeting.id,
    });
  });

  it('has no online toggle when the procedure requires an online meeting', () => {
    const card = scheduleMeetingCard({
      caseId,
      traineeName: 'Sam',
      meeting,
      people: view.participants,
      defaultDate: '2025-10-06',
    });
    expect(input(card, inputIds.online)).toBeUndefined();
    const optional = scheduleMeetingCard({
      caseId,
      traineeName: 'Sam',
      meeting: { ...meeting, online: null },
      people: view.participants,
      defaultDate: '2025-10-06',
    });
    expect(input(optional, inputIds.online)).toMatchObject({ type: 'Input.Toggle', value: 'true' });
  });
});

describe('signPlanCard and reviewCard', () => {
  const targets = stageView().plan.targets;

  it('signing carries the plan version shown, and asks for a typed full name', () => {
    const card = signPlanCard({
      caseId,
      traineeName: 'Sam',
      stageLabel: 'Stage 1',
      planVersion: 7,
      targets,
    });
    expect(nodes(card, 'Action.Execute')[0]?.data).toEqual({
      verb: verbs.signPlan,
      caseId,
      planVersion: 7,
    });
    expect(input(card, inputIds.typedFullName)).toMatchObject({
      type: 'Input.Text',
      isRequired: true,
    });
    expect(JSON.stringify(card)).toContain('"text":"7"');
  });

  it('a review asks met / not met and evidence for every target', () => {
    const card = reviewCard({
      caseId,
      traineeName: 'Sam',
      stageLabel: 'Stage 1',
      targets,
      heldOn: '2025-10-20',
    });
    for (const t of targets) {
      expect(input(card, `met-${t.targetId}`)).toMatchObject({
        type: 'Input.ChoiceSet',
        isRequired: true,
      });
      expect(input(card, `evidence-${t.targetId}`)).toMatchObject({
        type: 'Input.Text',
        isRequired: true,
      });
    }
  });
});
