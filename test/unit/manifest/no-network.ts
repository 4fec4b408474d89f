/** Replaces global `fetch` with one that throws, so a test proves it never reaches the network. */
export function forbidNetwork(): { restore: () => void; calls: () => readonly string[] } {
  const original = globalThis.fetch;
  const calls: string[] = [];
  globalThis.fetch = (input: string | URL | Request): Promise<Response> => {
    const url = input instanceof Request ? input.url : input.toString();
    calls.push(url);
    throw new TypeError(`network access is forbidden in unit tests: ${url}`);
  };
  return {
    restore: () => {
      globalThis.fetch = original;
    },
    calls: () => calls,
  };
}
