import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit';

interface Entry {
  hits: number;
  resetAt: number;
}

/**
 * An express-rate-limit store that counts hits per key in fixed windows and holds at most
 * `maxKeys` keys: anyone can invent keys (sign-in counts per email typed, existing or not), so
 * memory must not grow with them. Keys live in insertion order, which is the order their windows
 * started: expired ones are dropped from the front as new ones arrive, and when the store is full
 * the oldest window is forgotten first (its count starts over, which errs towards letting someone
 * in rather than growing without bound). No timer: the work is done on each increment.
 */
export class BoundedWindowStore implements Store {
  readonly localKeys = true;
  private readonly entries = new Map<string, Entry>();
  private windowMs = 60_000;

  constructor(
    private readonly maxKeys: number,
    readonly prefix = '',
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes the window from the limiter's options. */
  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  /** Keys currently counted (for tests). */
  get size(): number {
    return this.entries.size;
  }

  get(key: string): ClientRateLimitInfo | undefined {
    const e = this.live(key);
    return e ? { totalHits: e.hits, resetTime: new Date(e.resetAt) } : undefined;
  }

  increment(key: string): ClientRateLimitInfo {
    const now = this.now();
    this.dropExpired(now);
    let e = this.live(key);
    if (!e) {
      while (this.entries.size >= this.maxKeys) {
        const oldest = this.entries.keys().next();
        if (oldest.done) break;
        this.entries.delete(oldest.value);
      }
      e = { hits: 0, resetAt: now + this.windowMs };
      this.entries.set(key, e);
    }
    e.hits++;
    return { totalHits: e.hits, resetTime: new Date(e.resetAt) };
  }

  decrement(key: string): void {
    const e = this.live(key);
    if (e && e.hits > 0) e.hits--;
  }

  resetKey(key: string): void {
    this.entries.delete(key);
  }

  resetAll(): void {
    this.entries.clear();
  }

  /** The key's entry if its window has not ended (an ended one is removed). */
  private live(key: string): Entry | undefined {
    const e = this.entries.get(key);
    if (e && e.resetAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return e;
  }

  /** Windows start in insertion order, so expired entries sit at the front. */
  private dropExpired(now: number): void {
    for (const [key, e] of this.entries) {
      if (e.resetAt > now) break;
      this.entries.delete(key);
    }
  }
}
