import type { CaseView, StageView } from '../domain/view';
import { buildCard, maxRefreshUsers } from './build-card';
import { CardBuildError } from './card-errors';
import type { AdaptiveCard, CardElement } from './card-types';
import { caseButtons } from './case-buttons';
import { actionSet, container, execute, field, heading, note, paragraph, run } from './elements';
import { formatDate, formatInstantDate } from './format';
import { meetingSection } from './meeting-section';
import { verbs } from './verbs';

/** What a case card shows, and to whom. */
export interface CaseCardInput {
  readonly view: CaseView;
  /** MRIs (`29:…`) of the users whose clients fetch their own view of this card; at most 60. */
  readonly refreshUserIds: readonly string[];
  /** `viewer`: the buttons `view.available` offers this viewer. `everyone`: the shared message, no buttons but Refresh. */
  readonly audience: 'viewer' | 'everyone';
  /** A line of our own text above the card, e.g. "You signed the plan." */
  readonly notice?: string;
}

function targets(stage: StageView): CardElement[] {
  const list = stage.plan.targets.map((t, i) =>
    paragraph(run(`${i + 1}. `, { weight: 'Bolder' }), run(t.text)),
  );
  return [
    heading('Targets'),
    ...(list.length > 0 ? list : [note('No targets have been set yet.')]),
  ];
}

function review(stage: StageView): CardElement[] {
  const out: CardElement[] = [];
  const date = stage.plan.reviewDate;
  out.push(
    paragraph(
      run('Next review: ', { weight: 'Bolder' }),
      run(date === null ? 'not set' : formatDate(date)),
      ...(stage.reviewOverdue ? [run(' (overdue)', { color: 'Attention', weight: 'Bolder' })] : []),
    ),
  );
  const w = stage.reviewWindow;
  if (w !== null) {
    const from = w.earliest === null ? 'any time' : formatDate(w.earliest);
    const to = w.latest === null ? 'no latest date' : formatDate(w.latest);
    out.push(field('Review window', `${from} to ${to} (counted in ${w.unit} days)`));
  }
  return out;
}

function signers(stage: StageView): CardElement[] {
  if (stage.signers.length === 0) return [];
  const rows = stage.signers.map((s) =>
    paragraph(
      run(`${s.roleLabel}: `, { weight: 'Bolder' }),
      run(s.name ?? 'not yet named'),
      s.signed === null
        ? run(' (not signed)', { isSubtle: true })
        : run(` (signed ${formatInstantDate(s.signed.signedAt)})`, { color: 'Good' }),
    ),
  );
  const all = stage.fullySigned ? [note('Everyone has signed this version of the plan.')] : [];
  return [heading(`Signatures on plan version ${stage.plan.version}`), ...rows, ...all];
}

function stageSection(view: CaseView, audience: CaseCardInput['audience']): CardElement[] {
  if (view.status.kind === 'closed') return [field('Case closed', view.status.outcomeLabel)];
  const stage = view.stage;
  if (stage === null) return [note('No stage of the procedure has started yet.')];
  return [
    field('Stage', stage.label),
    paragraph(run(stage.summary, { isSubtle: true })),
    container([...targets(stage), ...review(stage)], true),
    container(signers(stage), true),
    // Meeting times and links only on the viewer's own card, never in a shared conversation's copy.
    ...(audience === 'viewer' ? [container(meetingSection(stage), true)] : []),
  ];
}

/** The case as one viewer (or everyone) sees it in chat. No concern text: that stays in the tab (Z7, P4). */
export function caseCard(input: CaseCardInput): AdaptiveCard {
  const { view } = input;
  if (input.refreshUserIds.length > maxRefreshUsers) {
    throw new CardBuildError(
      `A card refreshes for at most ${maxRefreshUsers} users, not ${input.refreshUserIds.length}.`,
    );
  }
  const refreshData = { verb: verbs.refreshCase, caseId: view.caseId };
  const buttons = input.audience === 'viewer' ? caseButtons(view.caseId, view.available) : [];
  const t = view.trainee;
  const body: CardElement[] = [
    ...(input.notice === undefined ? [] : [note(input.notice)]),
    heading('Support case'),
    paragraph(run(t.name, { weight: 'Bolder', size: 'Large' })),
    paragraph(run(`${t.subject}, ${t.route} route, ${t.school}`, { isSubtle: true })),
    paragraph(run(view.procedure.title, { isSubtle: true })),
    ...stageSection(view, input.audience),
    actionSet([...buttons, execute('Refresh', refreshData)]),
  ];
  return buildCard(body, {
    action: execute('Refresh', refreshData),
    userIds: input.refreshUserIds,
  });
}
