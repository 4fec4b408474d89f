/**
 * JSON for a row property: JSON.stringify typed honestly (undefined for undefined, functions and
 * symbols), with U+2028 and U+2029 written as escapes. JSON allows them raw, but a parser that
 * treats them as line ends (Azurite's batch parser does) then fails the whole transaction; the
 * escaped form parses back to the same text.
 */
export function toJson(value: unknown): string | undefined {
  // TypeScript types JSON.stringify as string; it returns undefined for undefined and functions.
  const json = JSON.stringify(value) as string | undefined;
  return json?.replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

/** JSON with object keys sorted recursively, after the usual JSON normalisation (toJSON, undefined). */
export function canonicalJson(value: unknown): string {
  const normalised: unknown = JSON.parse(toJson(value) ?? 'null');
  return write(normalised);
}

function write(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(write).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${write(record[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
