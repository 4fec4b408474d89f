// A zero-width space between the two characters breaks the `{{DATE(...)}}` / `{{TIME(...)}}`
// macros (which the renderer expands even inside TextRun) and `${...}` template expressions,
// while the text still reads the same to a person.
const zeroWidthSpace = '\u200B';

/** Neutralises text from users or provider data before it goes into a card (V4). */
export function neutralise(text: string): string {
  return text.replace(/\{(?=\{)/g, `{${zeroWidthSpace}`).replace(/\$(?=\{)/g, `$${zeroWidthSpace}`);
}

/** Shortens text for a card, on a character (not code unit) boundary. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
