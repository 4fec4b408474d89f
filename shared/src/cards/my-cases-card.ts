import type { CaseSummary } from '../domain/view';
import { buildCard } from './build-card';
import type { AdaptiveCard } from './card-types';
import { caseRows } from './case-list';
import { heading } from './elements';

/** The cases the user is named on. */
export function myCasesCard(cases: readonly CaseSummary[]): AdaptiveCard {
  return buildCard([
    heading('My cases'),
    ...caseRows(cases, 'You are not named on any open case.'),
  ]);
}
