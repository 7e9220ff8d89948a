/**
 * A latency histogram with logarithmic buckets (2 % wide from 1 µs), so workers can record
 * hundreds of thousands of samples cheaply and the coordinator can merge them exactly.
 * Quantiles are accurate to ±1 %.
 */
const MIN_MS = 0.001;
const GROWTH = 1.02;
const LOG_GROWTH = Math.log(GROWTH);

export interface HistogramData {
  /** [bucket index, count] pairs. */
  buckets: [number, number][];
  count: number;
  sumMs: number;
  maxMs: number;
}

export class Histogram {
  private readonly counts = new Map<number, number>();
  count = 0;
  sumMs = 0;
  maxMs = 0;

  record(ms: number): void {
    const v = Math.max(ms, MIN_MS);
    const i = Math.floor(Math.log(v / MIN_MS) / LOG_GROWTH);
    this.counts.set(i, (this.counts.get(i) ?? 0) + 1);
    this.count++;
    this.sumMs += ms;
    if (ms > this.maxMs) this.maxMs = ms;
  }

  reset(): void {
    this.counts.clear();
    this.count = 0;
    this.sumMs = 0;
    this.maxMs = 0;
  }

  merge(data: HistogramData): this {
    for (const [i, n] of data.buckets) this.counts.set(i, (this.counts.get(i) ?? 0) + n);
    this.count += data.count;
    this.sumMs += data.sumMs;
    this.maxMs = Math.max(this.maxMs, data.maxMs);
    return this;
  }

  toJSON(): HistogramData {
    return { buckets: [...this.counts], count: this.count, sumMs: this.sumMs, maxMs: this.maxMs };
  }

  /** The value at quantile `q` (0–1), nearest rank, as the geometric middle of its bucket. */
  quantile(q: number): number {
    if (this.count === 0) return Number.NaN;
    const rank = Math.min(this.count, Math.max(1, Math.ceil(q * this.count)));
    let seen = 0;
    for (const [i, n] of [...this.counts].sort((a, b) => a[0] - b[0])) {
      seen += n;
      if (seen >= rank) return Math.min(MIN_MS * GROWTH ** (i + 0.5), this.maxMs);
    }
    return this.maxMs;
  }

  get meanMs(): number {
    return this.count === 0 ? Number.NaN : this.sumMs / this.count;
  }
}
