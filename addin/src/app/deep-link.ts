/** Sections of the case view a link can open. */
export const caseSections = [
  'overview',
  'timeline',
  'concerns',
  'plan',
  'meetings',
  'observations',
  'reviews',
  'imp',
  'duties',
  'comments',
  'record',
  'history',
] as const;

/** A section of the case view. */
export type CaseSection = (typeof caseSections)[number];

const caseIdPattern = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$/;

function section(raw: unknown): CaseSection | null {
  return caseSections.find((s) => s === raw) ?? null;
}

function route(caseId: unknown, part: unknown): string | null {
  if (typeof caseId !== 'string' || !caseIdPattern.test(caseId)) return null;
  const s = section(part);
  return `/cases/${encodeURIComponent(caseId)}${s === null ? '' : `/${s}`}`;
}

/**
 * The tab route a deep link asks for. Notifications and cards put `case/<caseId>[/<section>]`
 * (or JSON `{"caseId", "section"}`) in `subPageId` (Teams' `subEntityId`); anything else opens
 * "my cases".
 */
export function deepLinkRoute(subPageId: string | null | undefined): string | null {
  if (subPageId === undefined || subPageId === null || subPageId === '') return null;
  const trimmed = subPageId.trim();
  if (trimmed.startsWith('{')) {
    try {
      const parsed = JSON.parse(trimmed) as { caseId?: unknown; section?: unknown };
      return route(parsed.caseId, parsed.section);
    } catch (error) {
      if (error instanceof SyntaxError) return null;
      throw error;
    }
  }
  const [kind, caseId, part] = trimmed.split('/');
  return kind === 'case' ? route(caseId, part) : null;
}
