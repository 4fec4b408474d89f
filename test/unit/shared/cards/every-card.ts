import {
  caseCard,
  concernCard,
  dueItemsCard,
  dueThisWeekCard,
  errorCard,
  helpCard,
  myCasesCard,
  raiseConcernCard,
  reviewCard,
  scheduleMeetingCard,
  sharedCaseCard,
  signPlanCard,
  type AdaptiveCard,
} from '@shared/cards';
import { caseId, caseSummary, caseView, stageView } from './card-fixtures';

type Text = (field: string) => string;

/** Every builder, fed with free text from `text`. */
export function everyCard(text: Text): Record<string, AdaptiveCard> {
  const view = caseView(text);
  const stage = stageView(text);
  const meeting = stage.requiredMeetings[0]!;
  return {
    case: caseCard({ view, refreshUserIds: ['29:user-a'], audience: 'viewer' }),
    caseForEveryone: caseCard({
      view,
      refreshUserIds: ['29:user-a', '29:user-b'],
      audience: 'everyone',
    }),
    dueItems: dueItemsCard(
      [
        {
          caseId,
          traineeName: text('Sam Trainee'),
          items: [
            { kind: 'review', text: text('Review due'), overdue: true },
            { kind: 'duty', text: text('To do: evidence') },
          ],
        },
      ],
      '2025-10-05',
    ),
    sharedCase: sharedCaseCard({
      caseId,
      refreshUserIds: ['29:user-a'],
      appLink: 'https://teams.microsoft.com/l/entity/app/cases',
    }),
    raiseConcernDialog: raiseConcernCard({
      mode: 'dialog',
      trainees: [{ value: caseId, title: text('Sam Trainee') }],
      categories: [{ value: 'teaching', title: text('Teaching') }],
      description: text('They were late again'),
      sourceAuthor: text('Morgan Mentor'),
      error: text('Choose a category'),
    }),
    raiseConcernChat: raiseConcernCard({
      mode: 'chat',
      trainees: [{ value: caseId, title: text('Sam') }],
      categories: [{ value: 'x', title: text('X') }],
      description: '',
      sourceAuthor: null,
    }),
    concern: concernCard({
      caseId,
      traineeName: text('Sam Trainee'),
      categoryLabel: text('Teaching'),
      specialCategory: false,
      seriousIncident: true,
      raisedAt: '2025-10-01T09:00:00Z',
      audience: 'private',
    }),
    scheduleMeeting: scheduleMeetingCard({
      caseId,
      traineeName: text('Sam'),
      meeting,
      people: view.participants,
      defaultDate: '2025-10-06',
      error: text('bad time'),
    }),
    signPlan: signPlanCard({
      caseId,
      traineeName: text('Sam'),
      stageLabel: stage.label,
      planVersion: 3,
      targets: stage.plan.targets,
      error: text('name mismatch'),
    }),
    review: reviewCard({
      caseId,
      traineeName: text('Sam'),
      stageLabel: stage.label,
      targets: stage.plan.targets,
      heldOn: '2025-10-20',
      error: text('x'),
    }),
    myCases: myCasesCard([1, 2, 3].map((n) => caseSummary(n, text))),
    dueThisWeek: dueThisWeekCard(
      [4, 6].map((n) => caseSummary(n, text)),
      '2025-10-24',
    ),
    help: helpCard(),
    error: errorCard({ message: text('You cannot sign this plan.'), code: 'NOT_A_SIGNER', caseId }),
  };
}
