const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

/** The JSON text is not acceptable (syntax, encoding or a forbidden key); the message is safe to show. */
export class JsonBodyError extends Error {
  override readonly name = 'JsonBodyError';
}

/** `JSON.parse` that refuses `__proto__`, `constructor` and `prototype` keys anywhere (V6). */
export function parseSafeJson(text: string): unknown {
  try {
    return JSON.parse(text, (key: string, value: unknown) => {
      if (forbiddenKeys.has(key)) throw new JsonBodyError(`The key "${key}" is not allowed.`);
      return value;
    });
  } catch (error) {
    if (error instanceof JsonBodyError) throw error;
    // SyntaxError, or RangeError from absurd nesting: the caller sent something that is not JSON we take.
    throw new JsonBodyError('The request body is not valid JSON.', { cause: error });
  }
}
