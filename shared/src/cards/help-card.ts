import { buildCard } from './build-card';
import type { AdaptiveCard } from './card-types';
import { actionSet, execute, heading, note } from './elements';
import { verbs } from './verbs';

/** The words the bot understands in a personal chat. */
export const botCommands = ['raise a concern', 'my cases', 'due this week', 'help'] as const;

/** What the bot can do, with a button for each command. */
export function helpCard(): AdaptiveCard {
  return buildCard([
    heading('Support plans'),
    note(
      'Type one of these, or use the buttons: "raise a concern", "my cases", "due this week", "help".',
    ),
    note(
      'To raise a concern from a chat message, use "Raise a concern" in the message\'s "More actions" menu.',
    ),
    actionSet([
      execute('Raise a concern', { verb: verbs.openRaiseConcern }),
      execute('My cases', { verb: verbs.myCases }),
      execute('Due this week', { verb: verbs.dueThisWeek }),
    ]),
  ]);
}
