import { textLimits } from '../schemas/text';
import { buildCard } from './build-card';
import type { AdaptiveCard, CardElement } from './card-types';
import { actionSet, execute, heading, note, paragraph, run, submit } from './elements';
import { inputIds } from './inputs';
import { neutralise, truncate } from './safe-text';
import { verbs } from './verbs';

/** One choice in a picker: a value and the text shown for it. */
export interface Choice {
  readonly value: string;
  readonly title: string;
}

/** The raise-a-concern form. */
export interface RaiseConcernCardInput {
  /** `dialog`: a message-extension task module (Action.Submit). `chat`: a card in chat (Action.Execute). */
  readonly mode: 'dialog' | 'chat';
  /** The user's own trainees (case id + trainee name); nobody else's. */
  readonly trainees: readonly Choice[];
  /** The concern categories of the trainees' procedures (category id + label). */
  readonly categories: readonly Choice[];
  /** Prefilled description, e.g. the text of the message the concern was raised from. */
  readonly description: string;
  /** Author of the source message, shown for reference. */
  readonly sourceAuthor: string | null;
  readonly selectedCaseId?: string;
  /** Why the last attempt failed (shown in plain text). */
  readonly error?: string;
}

// Compact pickers render titles as plain text; expanded ones may render Markdown labels.
function picker(
  id: string,
  label: string,
  choices: readonly Choice[],
  value?: string,
): CardElement {
  const base = {
    type: 'Input.ChoiceSet',
    id,
    label,
    style: 'compact',
    isRequired: true,
    errorMessage: `Choose a ${label.toLowerCase()}.`,
    choices: choices.map((c) => ({ title: truncate(neutralise(c.title), 120), value: c.value })),
  };
  return value === undefined ? base : { ...base, value };
}

function form(input: RaiseConcernCardInput): CardElement[] {
  const first = input.trainees.length === 1 ? input.trainees[0]?.value : undefined;
  return [
    picker(inputIds.caseId, 'Trainee', input.trainees, input.selectedCaseId ?? first),
    picker(inputIds.category, 'Category', input.categories),
    {
      type: 'Input.Text',
      id: inputIds.description,
      label: 'What happened',
      isMultiline: true,
      isRequired: true,
      maxLength: textLimits.long,
      errorMessage: 'Describe the concern.',
      value: truncate(input.description, textLimits.long),
    },
    ...(input.sourceAuthor === null
      ? []
      : [
          paragraph(
            run('From a message by ', { isSubtle: true }),
            run(input.sourceAuthor, { isSubtle: true }),
          ),
        ]),
    {
      type: 'Input.Toggle',
      id: inputIds.seriousIncident,
      title: 'This is a serious incident',
      value: 'false',
      valueOn: 'true',
      valueOff: 'false',
    },
  ];
}

/** The form for raising a concern about one of the user's trainees. */
export function raiseConcernCard(input: RaiseConcernCardInput): AdaptiveCard {
  const error =
    input.error === undefined ? [] : [paragraph(run(input.error, { color: 'Attention' }))];
  if (input.trainees.length === 0) {
    return buildCard([
      heading('Raise a concern'),
      ...error,
      note('You are not named on any open case, so there is no trainee to raise a concern about.'),
    ]);
  }
  const data = { verb: verbs.submitConcern };
  const action =
    input.mode === 'dialog'
      ? submit('Raise concern', data)
      : execute('Raise concern', data, 'positive');
  return buildCard([heading('Raise a concern'), ...error, ...form(input), actionSet([action])]);
}
