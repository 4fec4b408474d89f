import { StartupError } from '../config/startup-error';

/** One segment of a Functions route template. */
type Segment =
  | { readonly kind: 'literal'; readonly text: string }
  | {
      readonly kind: 'param';
      readonly name: string;
      readonly optional: boolean;
      readonly test?: RegExp;
    }
  | { readonly kind: 'catchAll'; readonly name: string };

/** A compiled route template: matches path segments and extracts `{param}` values. */
export interface RouteTemplate {
  readonly template: string;
  /** Lower sorts first: literal segments beat parameters, parameters beat catch-alls. */
  readonly rank: readonly number[];
  match(segments: readonly string[]): Record<string, string> | undefined;
}

const constraints: Readonly<Record<string, RegExp>> = {
  int: /^-?\d+$/,
  guid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  alpha: /^[a-z]+$/i,
  bool: /^(true|false)$/i,
};

const paramPattern = /^\{(\*)?([A-Za-z][A-Za-z0-9_]*)(?::([a-z]+))?(\?)?\}$/;

function parseSegment(text: string, template: string, last: boolean): Segment {
  if (!text.includes('{')) return { kind: 'literal', text: text.toLowerCase() };
  const found = paramPattern.exec(text);
  const [, star, name, constraint, optional] = found ?? [];
  if (name === undefined)
    throw new StartupError(`Route "${template}": cannot parse segment "${text}".`);
  if (star !== undefined) {
    if (!last) throw new StartupError(`Route "${template}": a catch-all must be the last segment.`);
    return { kind: 'catchAll', name };
  }
  if (optional !== undefined && !last)
    throw new StartupError(`Route "${template}": only the last segment may be optional.`);
  const test = constraint === undefined ? undefined : constraints[constraint];
  if (constraint !== undefined && test === undefined) {
    throw new StartupError(`Route "${template}": unsupported constraint "${constraint}".`);
  }
  return test === undefined
    ? { kind: 'param', name, optional: optional !== undefined }
    : { kind: 'param', name, optional: optional !== undefined, test };
}

function rankOf(segment: Segment): number {
  if (segment.kind === 'literal') return 0;
  if (segment.kind === 'catchAll') return 4;
  if (segment.test !== undefined) return 1;
  return segment.optional ? 3 : 2;
}

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch (error) {
    if (error instanceof URIError) return undefined;
    throw error;
  }
}

function matchSegments(
  segments: readonly Segment[],
  path: readonly string[],
): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (const [index, segment] of segments.entries()) {
    const part = path[index];
    if (segment.kind === 'catchAll') {
      const rest = decode(path.slice(index).join('/'));
      if (rest === undefined) return undefined;
      params[segment.name] = rest;
      return params;
    }
    if (part === undefined)
      return segment.kind === 'param' && segment.optional ? params : undefined;
    const value = decode(part);
    if (value === undefined) return undefined;
    if (segment.kind === 'literal' && value.toLowerCase() !== segment.text) return undefined;
    if (segment.kind === 'param') {
      if (segment.test !== undefined && !segment.test.test(value)) return undefined;
      params[segment.name] = value;
    }
  }
  return path.length <= segments.length ? params : undefined;
}

/** Compiles a Functions route template (`cases/{caseId}`, `{id:guid}`, `{name?}`, `{*rest}`). */
export function compileTemplate(template: string): RouteTemplate {
  const texts = template.split('/').filter((text) => text.length > 0);
  const segments = texts.map((text, index) =>
    parseSegment(text, template, index === texts.length - 1),
  );
  return {
    template,
    rank: segments.map(rankOf),
    match: (path) => matchSegments(segments, path),
  };
}

/** Splits a URL path into segments; undefined when it has empty segments (`a//b`). */
export function pathSegments(path: string): string[] | undefined {
  const trimmed = path.replace(/^\/+/, '').replace(/\/$/, '');
  if (trimmed === '') return [];
  const parts = trimmed.split('/');
  return parts.includes('') ? undefined : parts;
}
