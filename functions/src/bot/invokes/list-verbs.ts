import { dueItemsCard, helpCard, myCasesCard } from '@shared/cards';
import { cardReply, refusalReply } from '../card-reply';
import { dueThisWeekFor } from '../due/due-this-week';
import type { CardActionHandler } from './card-action-context';

/** `myCases`: the open cases the user is named on. */
export const myCases: CardActionHandler<'myCases'> = async (_data, c) => {
  const cases = await c.deps.service.listMine(c.who, { status: 'open' });
  return cases.ok ? cardReply(myCasesCard(cases.value)) : refusalReply(cases.refusal);
};

/** `dueThisWeek`: reviews, signatures waiting, open duties and meetings in the next 7 days. */
export const dueThisWeek: CardActionHandler<'dueThisWeek'> = async (_data, c) => {
  const due = await dueThisWeekFor(c.deps, c.who);
  return due.ok
    ? cardReply(dueItemsCard(due.value.cases, due.value.weekEnding))
    : refusalReply(due.refusal);
};

/** `help`: what the bot can do. */
export const help: CardActionHandler<'help'> = () => Promise.resolve(cardReply(helpCard()));
