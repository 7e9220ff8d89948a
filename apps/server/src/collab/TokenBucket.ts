/**
 * A token bucket: `rate` tokens a second flow in, at most `burst` are kept. `take` may overdraw
 * (the balance goes negative) so a caller can tell "a little over" (drop) from "far over"
 * (close) by how deep the debt is; debt is repaid by the same refill.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    readonly rate: number,
    readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst;
    this.last = now();
  }

  /** The balance after refilling up to now (negative while in debt). */
  balance(): number {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.rate);
    this.last = t;
    return this.tokens;
  }

  /** Takes `n` tokens if the bucket holds them; otherwise takes nothing and answers false. */
  tryTake(n = 1): boolean {
    if (this.balance() < n) return false;
    this.tokens -= n;
    return true;
  }

  /** Takes `n` tokens even into debt; answers the balance left. */
  take(n = 1): number {
    this.balance();
    this.tokens -= n;
    return this.tokens;
  }
}
