import type { Locator, Page } from 'playwright-core';
import type { Playground } from '../../scripts/local/playground';

// Starting the Playground is the product's own code (`npm start` uses it); these are the
// test's ways of driving its page.
export * from '../../scripts/local/playground';

/** The Playground's chat input (a Lexical editor). */
export const chatInputSelector =
  'div[contenteditable="true"][role="textbox"][data-lexical-editor="true"]';

/** Opens the Playground in a page and waits until it is attached to the bot. */
export async function openPlayground(page: Page, playground: Playground): Promise<void> {
  await page.goto(playground.url);
  await page.getByText('Connected.').first().waitFor();
}

/** Types a chat message and sends it. */
export async function say(page: Page, text: string): Promise<void> {
  const input = page.locator(chatInputSelector);
  await input.click();
  await input.pressSequentially(text);
  await page.keyboard.press('Enter');
}

/** The newest Adaptive Card in the conversation. */
export function lastCard(page: Page): Locator {
  return page.locator('.ac-adaptiveCard').last();
}

/** Collects the Playground's WebSocket frames (what it shows the page: new and updated messages). */
export function recordFrames(page: Page): string[] {
  const frames: string[] = [];
  page.on('websocket', (socket) =>
    socket.on('framereceived', (frame) => frames.push(String(frame.payload))),
  );
  return frames;
}
