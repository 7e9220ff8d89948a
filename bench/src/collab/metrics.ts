/** Histograms read from cocrea's Prometheus text (`/metrics`), and the difference of two scrapes. */
export interface PromHistogram {
  /** Cumulative counts by upper bound (seconds or units), ascending, +Inf last. */
  buckets: [number, number][];
  sum: number;
  count: number;
}

export function parseHistograms(text: string): Map<string, PromHistogram> {
  const out = new Map<string, PromHistogram>();
  const get = (name: string) => {
    let h = out.get(name);
    if (!h) out.set(name, (h = { buckets: [], sum: 0, count: 0 }));
    return h;
  };
  for (const line of text.split('\n')) {
    let m = /^(\w+)_bucket\{le="([^"]+)"\} (\S+)$/.exec(line);
    if (m) {
      get(m[1] as string).buckets.push([m[2] === '+Inf' ? Number.POSITIVE_INFINITY : Number(m[2]), Number(m[3])]);
      continue;
    }
    m = /^(\w+)_(sum|count) (\S+)$/.exec(line);
    if (m && out.has(m[1] as string)) get(m[1] as string)[m[2] as 'sum' | 'count'] = Number(m[3]);
  }
  return out;
}

/** `after − before` for one histogram (both scrapes of the same process). */
export function diff(after: PromHistogram | undefined, before: PromHistogram | undefined): PromHistogram | undefined {
  if (!after) return undefined;
  const b = new Map(before?.buckets ?? []);
  return {
    buckets: after.buckets.map(([le, n]) => [le, n - (b.get(le) ?? 0)]),
    sum: after.sum - (before?.sum ?? 0),
    count: after.count - (before?.count ?? 0),
  };
}

/** Upper bound of the bucket holding quantile `q` (the best a Prometheus histogram can say). */
export function bucketQuantile(h: PromHistogram | undefined, q: number): number {
  if (!h || h.count === 0) return Number.NaN;
  const rank = q * h.count;
  for (const [le, n] of h.buckets) if (n >= rank) return le;
  return Number.POSITIVE_INFINITY;
}

/** Fraction of observations at or below `le`. */
export function fractionAtMost(h: PromHistogram | undefined, le: number): number {
  if (!h || h.count === 0) return Number.NaN;
  const b = h.buckets.find(([x]) => x === le);
  return b ? b[1] / h.count : Number.NaN;
}

/** Plain gauges (`name value` lines without labels). */
export function parseGauges(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    const m = /^(\w+) (\S+)$/.exec(line);
    if (m) out.set(m[1] as string, Number(m[2]));
  }
  return out;
}
