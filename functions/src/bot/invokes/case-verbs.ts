import type { CardActionHandler } from './card-action-context';
import { showCase } from './show-case';

/** `refreshCase`: the card's automatic or manual refresh, and every "Back": the viewer's own view. */
export const refreshCase: CardActionHandler<'refreshCase'> = (data, c) => showCase(c, data.caseId);

/** `openCase`: a case picked from a list. */
export const openCase: CardActionHandler<'openCase'> = (data, c) => showCase(c, data.caseId);
