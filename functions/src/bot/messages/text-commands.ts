import type { IMessageActivity } from '@microsoft/teams.api';
import type { IActivityContext } from '@microsoft/teams.apps';
import {
  dueItemsCard,
  helpCard,
  myCasesCard,
  type AdaptiveCard,
  type botCommands,
} from '@shared/cards';
import type { Identity } from '@shared/domain/context';
import { ok, type Result } from '@shared/errors/refusal';
import type { BotDeps } from '../bot-deps';
import { chatConcernForm } from '../invokes/raise-concern-verbs';
import { dueThisWeekFor } from '../due/due-this-week';

/** A phrase the bot understands in a personal chat. */
export type BotCommand = (typeof botCommands)[number];

/** Builds the card that answers one command. */
export type TextCommand = (
  deps: BotDeps,
  who: Identity,
  ctx: IActivityContext<IMessageActivity>,
) => Promise<Result<AdaptiveCard>>;

/** Every command and its answer; anything else gets the help card. */
export const textCommands: { readonly [C in BotCommand]: TextCommand } = {
  'raise a concern': (deps, who) => chatConcernForm(deps, who),
  'my cases': async (deps, who) => {
    const cases = await deps.service.listMine(who, { status: 'open' });
    return cases.ok ? ok(myCasesCard(cases.value)) : cases;
  },
  'due this week': async (deps, who) => {
    const due = await dueThisWeekFor(deps, who);
    return due.ok ? ok(dueItemsCard(due.value.cases, due.value.weekEnding)) : due;
  },
  help: () => Promise.resolve(ok(helpCard())),
};
