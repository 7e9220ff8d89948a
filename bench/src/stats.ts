/** Timing statistics of one benchmark case. */
export interface Timing {
  runs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
}

/** The value at quantile `q` (0–1) of sorted samples, nearest-rank method. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

/**
 * Runs `fn` `warmup` times unmeasured (JIT, font and module caches), then `runs` times measured,
 * one after another, and returns median and p95 of the wall-clock times.
 */
export async function measure<T>(fn: () => T | Promise<T>, opts: { warmup: number; runs: number }): Promise<Timing & { last: T }> {
  let last: T | undefined;
  for (let i = 0; i < opts.warmup; i++) last = await fn();
  const samples: number[] = [];
  for (let i = 0; i < opts.runs; i++) {
    const t0 = performance.now();
    last = await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { runs: opts.runs, medianMs: quantile(samples, 0.5), p95Ms: quantile(samples, 0.95), minMs: samples[0] ?? Number.NaN, last: last as T };
}
