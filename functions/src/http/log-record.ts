import { types } from 'node:util';

/** Severity of a log entry. */
export type LogLevel = 'info' | 'warn' | 'error';

/** What stands in for a secret (or a field that may hold one) in a log record. */
export const redactedText = '[redacted]';

/** Longest string kept in a record (after redaction); the rest is cut off and counted. */
export const maxLoggedString = 4_000;
const maxScannedString = 65_536;
const maxDepth = 6;
const maxItems = 50;
const maxNodes = 1_000;
const maxRecordChars = 64_000;
const maxCauses = 3;

/**
 * Secrets recognised inside any string of a record (message, data, error text, stack). Each is
 * replaced whole where the name itself marks a secret (`AccountKey=...`), else its value only.
 */
const secretPatterns: readonly (readonly [RegExp, string])[] = [
  // JWT/JWE compact serialisations: a base64url JSON header and more dot-separated segments.
  [/eyJ[\w-]+\.[\w-]*(?:\.[\w-]*)*/g, redactedText],
  // Authorization header values: Bearer and Basic credentials, storage SharedKey signatures.
  [/\b(Bearer|Basic|SharedKey(?:Lite)?)(\s+)[\w\-.~+/:]+=*/gi, `$1$2${redactedText}`],
  // Storage connection-string secrets.
  [/\b(?:AccountKey|SharedAccessKey|SharedAccessSignature)\s*=[^;\s"'<>]*/gi, redactedText],
  // SAS signatures in query strings.
  [/\bsig=[^&;\s"'<>#]*/gi, `sig=${redactedText}`],
];

/** Data fields whose value is a secret or a request/response payload: never written. */
const secretKey =
  /^(?:(?:proxy-)?authorization|cookie|set-cookie|password|passwd|pwd|secret|client_?secret|api_?key|x-api-key|(?:access|id|refresh)?_?token|connection_?string|account_?key|sas|sig|signature|credentials?|claims|payload|body|raw_?body|body_?as_?text|headers|request|response|config)$/i;

/**
 * Characters JSON.stringify leaves raw that still break or disguise a line: DEL and the C1
 * controls (NEL is a line break to some readers), U+2028/2029, and invisible format and
 * direction-override characters.
 */
const rawInJson = /[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g;

const escapeCodePoint = (c: string): string =>
  `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** A string with known secrets redacted, cut to `maxLoggedString` characters. */
function redactText(text: string): string {
  let out = text.length > maxScannedString ? text.slice(0, maxScannedString) : text;
  for (const [pattern, replacement] of secretPatterns) out = out.replace(pattern, replacement);
  if (out.length <= maxLoggedString) return out;
  return `${out.slice(0, maxLoggedString)}...[${String(text.length - maxLoggedString)} more characters]`;
}

interface Walk {
  readonly ancestors: object[];
  nodes: number;
  chars: number;
}

/** A redacted string, counted against the record's size budget. */
function text(input: string, walk: Walk): string {
  const out = walk.chars > maxRecordChars ? '[too much data]' : redactText(input);
  walk.chars += out.length;
  return out;
}

/** Sets an own field (also one named `__proto__`) on a record. */
function put(target: Record<string, unknown>, key: string, field: unknown): void {
  Object.defineProperty(target, key, {
    value: field,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

function read(target: object, key: PropertyKey): unknown {
  try {
    return (target as Record<PropertyKey, unknown>)[key];
  } catch {
    return '[unreadable]';
  }
}

function isError(value: object): value is Error {
  return value instanceof Error || types.isNativeError(value);
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === null) return true;
  // Also plain objects from another realm (a vm context, jest's sandbox).
  return (
    typeof proto === 'object' &&
    Object.getPrototypeOf(proto) === null &&
    (read(proto, 'constructor') as { name?: unknown } | undefined)?.name === 'Object'
  );
}

function typeName(value: object): string {
  const name = (read(value, 'constructor') as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' && name !== '' ? name : 'object';
}

function errorRecord(error: Error, walk: Walk, depth: number): Record<string, unknown> {
  const record: Record<string, unknown> = {
    name: value(read(error, 'name'), walk, depth),
    message: value(read(error, 'message'), walk, depth),
  };
  for (const key of ['code', 'statusCode', 'status'] as const) {
    const field = read(error, key);
    if (typeof field === 'string' || typeof field === 'number') record[key] = value(field, walk, 0);
  }
  const stack = read(error, 'stack');
  if (typeof stack === 'string') record.stack = text(stack, walk);
  if (depth < maxCauses && 'cause' in error) {
    // Only an Error or a primitive: libraries put whole objects there (jose: the token's claims).
    const cause = read(error, 'cause');
    record.cause =
      typeof cause === 'object' && cause !== null && !isError(cause)
        ? `[${typeName(cause)}]`
        : value(cause, walk, depth + 1);
  }
  const errors = read(error, 'errors');
  if (Array.isArray(errors) && depth < maxCauses) record.errors = value(errors, walk, depth + 1);
  return record;
}

function objectRecord(target: object, walk: Walk, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const keys = Object.keys(target);
  for (const key of keys.slice(0, maxItems)) {
    put(
      out,
      text(key, walk),
      secretKey.test(key) ? redactedText : value(read(target, key), walk, depth + 1),
    );
  }
  if (keys.length > maxItems) out['...'] = `${String(keys.length - maxItems)} more fields`;
  return out;
}

/**
 * A JSON-safe copy of `input` for a log record: strings redacted and capped; errors reduced to
 * name, message, code/status, stack and cause; plain objects and arrays walked (secret-named
 * fields redacted, depth, width and size bounded, cycles cut); anything else (SDK requests and
 * responses, sockets, buffers, class instances) named, never expanded.
 */
function value(input: unknown, walk: Walk, depth: number): unknown {
  if (typeof input === 'string') return text(input, walk);
  if (typeof input === 'number') return Number.isFinite(input) ? input : String(input);
  if (typeof input === 'bigint') return input.toString();
  if (typeof input === 'symbol') return '[symbol]';
  if (typeof input === 'function') return '[function]';
  if (typeof input !== 'object' || input === null) return input;
  walk.nodes += 1;
  if (walk.nodes > maxNodes) return '[too much data]';
  if (walk.ancestors.includes(input)) return '[circular]';
  if (depth > maxDepth) return '[nested too deep]';
  if (input instanceof Date)
    return Number.isNaN(input.getTime()) ? '[invalid date]' : input.toISOString();
  if (input instanceof URL) return text(input.href, walk);
  if (ArrayBuffer.isView(input) || input instanceof ArrayBuffer)
    return `[${typeName(input)} ${String(input.byteLength)} bytes]`;
  walk.ancestors.push(input);
  try {
    if (isError(input)) return errorRecord(input, walk, depth);
    if (Array.isArray(input)) {
      const items = input.slice(0, maxItems).map((item: unknown) => value(item, walk, depth + 1));
      return input.length > maxItems
        ? [...items, `${String(input.length - maxItems)} more items`]
        : items;
    }
    if (isPlainObject(input)) return objectRecord(input, walk, depth);
    return `[${typeName(input)}]`;
  } finally {
    walk.ancestors.pop();
  }
}

/** The message as text, also when an untyped caller passed something else. */
const asText = (message: unknown): string =>
  typeof message === 'string' ? message : String(message);

const reserved = new Set(['time', 'level', 'message']);

/** The record of one log entry: `{time, level, message, ...data}`, made safe field by field. */
function logRecord(
  level: LogLevel,
  message: string,
  data: Readonly<Record<string, unknown>> | undefined,
  time: Date,
): Record<string, unknown> {
  const record: Record<string, unknown> = {
    time: time.toISOString(),
    level,
    message: redactText(asText(message)),
  };
  if (data === undefined) return record;
  const walk: Walk = { ancestors: [], nodes: 0, chars: 0 };
  const fields = value(data, walk, 0);
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    record.data = fields;
    return record;
  }
  for (const [key, field] of Object.entries(fields)) {
    // Data never overrides the record's own time, level or message.
    put(record, reserved.has(key) ? `data.${key}` : key, field);
  }
  return record;
}

/**
 * One log entry as exactly one line of JSON: every line break and control character inside a
 * string is escaped, so no input can end the line or start a forged record.
 */
export function logLine(
  level: LogLevel,
  message: string,
  data: Readonly<Record<string, unknown>> | undefined,
  time: Date,
): string {
  let json: string;
  try {
    json = JSON.stringify(logRecord(level, message, data, time));
  } catch {
    json = JSON.stringify({
      time: time.toISOString(),
      level,
      message: redactText(asText(message)),
      logError: 'the log data could not be serialised',
    });
  }
  return json.replace(rawInJson, escapeCodePoint);
}
