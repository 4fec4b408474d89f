import { buildCard } from './build-card';
import type { AdaptiveCard } from './card-types';
import { actionSet, execute, heading, note } from './elements';
import { verbs } from './verbs';

/** A short confirmation in our own words (constant text only), with a way back to help. */
export function noticeCard(title: string, text: string): AdaptiveCard {
  return buildCard([
    heading(title),
    note(text),
    actionSet([execute('Help', { verb: verbs.help })]),
  ]);
}
