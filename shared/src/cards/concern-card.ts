import { buildCard } from './build-card';
import type { AdaptiveCard, CardElement } from './card-types';
import { actionSet, execute, field, heading, note, paragraph, run } from './elements';
import { formatInstantDate } from './format';
import { verbs } from './verbs';

/** What the confirmation after raising a concern may show. It takes no description: none is ever posted. */
export interface ConcernCardInput {
  readonly caseId: string;
  readonly traineeName: string;
  readonly categoryLabel: string;
  readonly specialCategory: boolean;
  readonly seriousIncident: boolean;
  readonly raisedAt: string;
  /** `private`: a personal chat with the person who raised it. `shared`: a group chat or channel. */
  readonly audience: 'private' | 'shared';
}

function details(input: ConcernCardInput): CardElement[] {
  const category = input.specialCategory
    ? 'restricted (details are only in the app)'
    : input.categoryLabel;
  return [
    paragraph(run(input.traineeName, { weight: 'Bolder' })),
    field('Category', category),
    field('Recorded', formatInstantDate(input.raisedAt)),
    ...(input.seriousIncident
      ? [paragraph(run('Marked as a serious incident', { color: 'Attention', weight: 'Bolder' }))]
      : []),
  ];
}

/** The confirmation card posted after a concern is raised. Never carries the concern's text (Z7, P4). */
export function concernCard(input: ConcernCardInput): AdaptiveCard {
  const body: CardElement[] =
    input.audience === 'private'
      ? details(input)
      : [note('A concern was recorded. Only the people on the case can see it, in the app.')];
  return buildCard([
    heading('Concern recorded'),
    ...body,
    actionSet([execute('Open case', { verb: verbs.openCase, caseId: input.caseId })]),
  ]);
}
