import { dueThisWeekCard, helpCard, myCasesCard } from '@shared/cards';
import { cardReply, refusalReply } from '../card-reply';
import { ukWeek } from '../uk-time';
import type { CardActionHandler } from './card-action-context';

/** `myCases`: the open cases the user is named on. */
export const myCases: CardActionHandler<'myCases'> = async (_data, c) => {
  const cases = await c.deps.service.listMine(c.who, { status: 'open' });
  return cases.ok ? cardReply(myCasesCard(cases.value)) : refusalReply(cases.refusal);
};

/** `dueThisWeek`: open cases whose review falls due by Sunday (or is overdue). */
export const dueThisWeek: CardActionHandler<'dueThisWeek'> = async (_data, c) => {
  const { weekEnding } = ukWeek(c.deps.now());
  const cases = await c.deps.service.listMine(c.who, { status: 'open', dueBy: weekEnding });
  return cases.ok
    ? cardReply(dueThisWeekCard(cases.value, weekEnding))
    : refusalReply(cases.refusal);
};

/** `help`: what the bot can do. */
export const help: CardActionHandler<'help'> = () => Promise.resolve(cardReply(helpCard()));
