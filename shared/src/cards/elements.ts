import type { ActionData, CardElement, ExecuteAction } from './card-types';
import { neutralise } from './safe-text';

/** A TextRun's styling. */
export interface RunStyle {
  readonly weight?: 'Bolder';
  readonly isSubtle?: boolean;
  readonly color?: 'Attention' | 'Good' | 'Warning' | 'Accent';
  readonly size?: 'Small' | 'Medium' | 'Large';
}

/** A heading. Only for our own constant text: TextBlock renders Markdown. */
export function heading(text: string, size: 'Medium' | 'Large' = 'Medium'): CardElement {
  return { type: 'TextBlock', text, size, weight: 'Bolder', wrap: true, style: 'heading' };
}

/** A line of our own constant text (TextBlock renders Markdown: never pass user text here). */
export function note(text: string): CardElement {
  return { type: 'TextBlock', text, isSubtle: true, wrap: true, spacing: 'Small' };
}

/** A TextRun: plain text, no Markdown; date macros and template expressions neutralised. */
export function run(text: string, style: RunStyle = {}): CardElement {
  return { type: 'TextRun', text: neutralise(text), ...style };
}

/** A paragraph of runs (RichTextBlock: no Markdown). */
export function paragraph(...inlines: CardElement[]): CardElement {
  return { type: 'RichTextBlock', inlines };
}

/** "Label: value" as plain text, the label in bold. */
export function field(label: string, value: string): CardElement {
  return paragraph(run(`${label}: `, { weight: 'Bolder' }), run(value));
}

/** A group of elements, optionally with a separator above. */
export function container(items: readonly CardElement[], separator = false): CardElement {
  return {
    type: 'Container',
    items: [...items],
    separator,
    spacing: separator ? 'Medium' : 'Default',
  };
}

/** A Universal Action; older clients fall back to Action.Submit with the same data. */
export function execute(
  title: string,
  data: ActionData,
  style?: 'positive' | 'destructive',
): ExecuteAction {
  const base = {
    type: 'Action.Execute' as const,
    title,
    verb: data.verb,
    data,
    fallback: 'Action.Submit',
  };
  return style === undefined ? base : { ...base, style };
}

/** An Action.Submit, for dialogs (task modules), where Action.Execute is not offered. */
export function submit(title: string, data: ActionData): CardElement {
  return { type: 'Action.Submit', title, data, style: 'positive' };
}

/** Actions inside the body, as Universal Actions require. */
export function actionSet(actions: readonly CardElement[]): CardElement {
  return { type: 'ActionSet', actions: [...actions] };
}
