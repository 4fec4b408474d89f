import { buildCard } from './build-card';
import type { AdaptiveCard } from './card-types';
import { actionSet, execute, heading, note, paragraph, run } from './elements';
import { verbs } from './verbs';

/** A refusal or failure, in words a person understands, with its stable code. */
export interface ErrorCardInput {
  readonly message: string;
  readonly code: string;
  readonly caseId?: string;
}

/** Shown in place of a card when an action was refused; the message is plain text. */
export function errorCard(input: ErrorCardInput): AdaptiveCard {
  const back =
    input.caseId === undefined
      ? execute('Help', { verb: verbs.help })
      : execute('Back to the case', { verb: verbs.refreshCase, caseId: input.caseId });
  return buildCard([
    heading('That did not work'),
    paragraph(run(input.message)),
    note(`Reference: ${input.code}`),
    actionSet([back]),
  ]);
}
