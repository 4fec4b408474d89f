import type { AdaptiveCard } from '@shared/cards';
import { maxCardBytes } from '@shared/cards';

// The package's `lib/` build is ESM without file extensions, which Node cannot load; its UMD
// bundle in `dist/` is the same code. Parsing needs no DOM (only rendering does).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof import('adaptivecards');

/** Where a string sits in a card: the `type` of the object holding it and the property name. */
export interface StringSite {
  readonly ownerType: string;
  readonly key: string;
  readonly value: string;
}

/** Every string in a card with the element type and property that hold it. */
export function stringSites(node: unknown, ownerType = '(root)', key = ''): StringSite[] {
  if (typeof node === 'string') return [{ ownerType, key, value: node }];
  if (Array.isArray(node)) return node.flatMap((child) => stringSites(child, ownerType, key));
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  const type = typeof record.type === 'string' ? record.type : `${ownerType}.${key}`;
  return Object.entries(record).flatMap(([k, v]) => stringSites(v, type, k));
}

/** Every object in a card that has a `type`. */
export function typedNodes(node: unknown): Record<string, unknown>[] {
  if (Array.isArray(node)) return node.flatMap(typedNodes);
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  const own = typeof record.type === 'string' ? [record] : [];
  return [...own, ...Object.values(record).flatMap(typedNodes)];
}

/** Parses with the `adaptivecards` package at version 1.5 and returns every parse or validation message. */
export function adaptiveCardProblems(card: AdaptiveCard): string[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  context.targetVersion = AC.Versions.v1_5;
  parsed.parse(JSON.parse(JSON.stringify(card)) as unknown, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++)
    problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of parsed.validateProperties().validationEvents)
    problems.push(`validate: ${event.message}`);
  return problems;
}

const dataKeys = new Set(['verb', 'caseId', 'planVersion', 'meetingDefinitionId']);

// V4: links only into the app itself (a Teams deep link to our tab, or the local tab).
const linkAllowed = (url: string) =>
  url.startsWith('https://teams.microsoft.com/l/entity/') || url.startsWith('http://localhost:');

/** Our own rules for every card: 1.5, parses cleanly, small, no links, actions carry ids only. */
export function cardRuleViolations(card: AdaptiveCard): string[] {
  const problems = adaptiveCardProblems(card);
  const version: string = card.version;
  if (version !== '1.5') problems.push(`version ${version}`);
  const bytes = new TextEncoder().encode(JSON.stringify(card)).length;
  if (bytes > maxCardBytes) problems.push(`${bytes} bytes`);
  for (const node of typedNodes(card)) {
    const allowedLink =
      node.type === 'Action.OpenUrl' && typeof node.url === 'string' && linkAllowed(node.url);
    if ((node.type === 'Action.OpenUrl' && !allowedLink) || node.type === 'Action.ToggleVisibility')
      problems.push(`has ${node.type}`);
    if ('selectAction' in node) problems.push(`${String(node.type)} has a selectAction`);
    if (node.type === 'Action.Execute' || node.type === 'Action.Submit') {
      const data = (node.data ?? {}) as Record<string, unknown>;
      for (const k of Object.keys(data))
        if (!dataKeys.has(k)) problems.push(`action data key ${k}`);
      if (data.verb === undefined) problems.push('action without verb');
    }
  }
  return problems;
}
