/** Folds text for search: NFKD without combining marks, lower case, single spaces. */
export function searchFold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('en-GB')
    .replace(/\s+/g, ' ')
    .trim();
}

/** What a case is searched on: the trainee's name, the school and the subject. */
export interface SearchableCase {
  readonly traineeName: string;
  readonly school?: string;
  readonly subject?: string;
}

/**
 * True when every word of `q` appears in the trainee's name, school or subject (case and accent
 * insensitive; "ann riverside" finds Ann Smith at Riverside School). An empty query matches all.
 */
export function matchesSearch(row: SearchableCase, q: string): boolean {
  const haystack = searchFold(
    [row.traineeName, row.school ?? '', row.subject ?? ''].join(' \u0000 '),
  );
  return searchFold(q)
    .split(' ')
    .filter((w) => w.length > 0)
    .every((w) => haystack.includes(w));
}
