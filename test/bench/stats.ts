/** Percentile of a sample (nearest rank). */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

/** Milliseconds taken by an async function. */
export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Prints one JSON line per measure. */
export function report(measure: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(measure)}\n`);
}

/** Rounds to 0.01. */
export const round = (n: number): number => Math.round(n * 100) / 100;
