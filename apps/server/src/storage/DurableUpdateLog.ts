import type { Logger } from '../logger';
import type { DocumentStore, LogEntry } from './DocumentStore';

interface Pending extends LogEntry {
  ticket: number;
  attempted: () => void;
}

/**
 * The write-ahead side of every document: updates are appended here *before* the server applies
 * and acknowledges them. Appends that arrive in the same turn of the event loop, from any number
 * of connections and documents, are written in one transaction (group commit). A failed write is
 * kept, in order, and retried with back-off; meanwhile {@link whenDurable} holds back "Guardado".
 */
export class DurableUpdateLog {
  private queue: Pending[] = [];
  private nextTicket = 1;
  /** Every ticket below this one is durable (appends commit in ticket order). */
  private durableBelow = 1;
  private readonly lastTicketOf = new Map<string, number>();
  private readonly waiters: { ticket: number; resolve: () => void }[] = [];
  private flushing = false;
  private flushScheduled = false;
  private retryDelayMs = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  /** Called after each successful commit with how many updates it wrote per document. */
  onCommitted: (counts: ReadonlyMap<string, number>) => void = () => {};
  /** Called after each attempt with its duration in seconds, batch size and outcome. */
  onAttempt: (seconds: number, size: number, ok: boolean) => void = () => {};

  constructor(
    private readonly store: DocumentStore,
    private readonly log: Logger,
  ) {}

  /**
   * Queues an update. Resolves once the first attempt to write it has finished: written, or
   * failed and queued for retry (so a storage outage slows nobody's relay to peers).
   */
  append(name: string, data: Uint8Array): Promise<void> {
    return new Promise((resolve) => {
      const ticket = this.nextTicket++;
      this.lastTicketOf.set(name, ticket);
      this.queue.push({ name, data, ticket, attempted: resolve });
      this.schedule();
    });
  }

  /** Resolves when every update appended so far for `name` is durable. */
  whenDurable(name: string): Promise<void> {
    const ticket = this.lastTicketOf.get(name) ?? 0;
    if (ticket < this.durableBelow) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ ticket, resolve }));
  }

  /** Number of appends not yet durable. */
  get pendingCount(): number {
    return this.queue.length;
  }

  /** Resolves when the queue is empty (used at shutdown); retries are attempted immediately. */
  async drain(): Promise<void> {
    while (this.queue.length > 0 || this.flushing) {
      if (this.retryTimer) {
        clearTimeout(this.retryTimer);
        this.retryTimer = null;
      }
      await this.flush();
      if (this.queue.length > 0) await new Promise((r) => setTimeout(r, 50));
    }
  }

  private schedule(): void {
    if (this.flushScheduled || this.flushing || this.retryTimer) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.flushing || this.queue.length === 0) return;
    this.flushing = true;
    const batch = this.queue;
    this.queue = [];
    const started = process.hrtime.bigint();
    const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
    try {
      await this.store.appendUpdates(batch);
      this.onAttempt(elapsed(), batch.length, true);
      this.retryDelayMs = 0;
      this.durableBelow = (batch[batch.length - 1] as Pending).ticket + 1;
      for (const p of batch) p.attempted();
      this.releaseWaiters();
      const counts = new Map<string, number>();
      for (const p of batch) counts.set(p.name, (counts.get(p.name) ?? 0) + 1);
      this.onCommitted(counts);
    } catch (err) {
      this.onAttempt(elapsed(), batch.length, false);
      // Keep order: the failed batch goes back in front of anything queued meanwhile.
      this.queue = batch.concat(this.queue);
      for (const p of batch) p.attempted();
      this.retryDelayMs = Math.min(Math.max(this.retryDelayMs * 2, 100), 5000);
      this.log.error({ err, pending: this.queue.length, retryInMs: this.retryDelayMs }, 'durable write failed; will retry');
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        void this.flush();
      }, this.retryDelayMs);
    } finally {
      this.flushing = false;
    }
    if (this.queue.length > 0 && !this.retryTimer) this.schedule();
  }

  private releaseWaiters(): void {
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const w = this.waiters[i] as { ticket: number; resolve: () => void };
      if (w.ticket < this.durableBelow) {
        this.waiters.splice(i, 1);
        w.resolve();
      }
    }
  }
}
