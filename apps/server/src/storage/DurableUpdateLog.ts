import type { Logger } from '../logger';
import type { DocumentStore, LogEntry } from './DocumentStore';

/**
 * How the first attempt to write an update ended: `written` (durable), `pending` (the store
 * failed; it is queued and retried), or `refused` (its document is locked; it is dropped).
 */
export type AppendOutcome = 'written' | 'pending' | 'refused';

/** How an update ended for good: on disk, or refused because its document is locked. */
export type FinalOutcome = 'written' | 'refused';

interface Pending extends LogEntry {
  ticket: number;
  /** `Date.now()` when it was appended: the age of the oldest one is the stall `/healthz` reports. */
  queuedAt: number;
  attempted: (outcome: AppendOutcome) => void;
  settled?: (outcome: FinalOutcome) => void;
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
  /** The batch being written, while one is. */
  private current: Promise<void> | null = null;
  /** `queuedAt` of the oldest update of the batch being written, while one is. */
  private inFlightSince: number | null = null;
  private inFlightCount = 0;
  private flushScheduled = false;
  private retryDelayMs = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  /** The last write attempt failed with this message (cleared by the next success). */
  private lastError: string | null = null;
  private haltLogged = false;
  /** Called after each successful commit with how many updates it wrote per document. */
  onCommitted: (counts: ReadonlyMap<string, number>) => void = () => {};
  /** Called after each attempt with its duration in seconds, batch size and outcome. */
  onAttempt: (seconds: number, size: number, ok: boolean) => void = () => {};

  constructor(
    private readonly store: DocumentStore,
    private readonly log: Logger,
  ) {}

  /**
   * Queues an update. Resolves once the first attempt to write it has finished: written, refused
   * (locked document), or failed and queued for retry (so a storage outage slows nobody's relay
   * to peers). A refused update is never retried. While the store is failing (a retry is
   * waiting out its back-off) it resolves `pending` at once: the update waits for that retry.
   * `settled`, if given, is told how the update ended for good, before any {@link whenDurable}
   * covering it resolves: a `pending` update can still be refused by a later retry (its document
   * was locked meanwhile), and its sender must then not be told "saved".
   */
  append(name: string, data: Uint8Array, settled?: (outcome: FinalOutcome) => void): Promise<AppendOutcome> {
    return new Promise((resolve) => {
      const ticket = this.nextTicket++;
      this.lastTicketOf.set(name, ticket);
      this.queue.push({ name, data, ticket, queuedAt: Date.now(), attempted: resolve, ...(settled ? { settled } : {}) });
      // Waiting for the retry would hold the sender's connection (Hocuspocus handles a
      // connection's messages one at a time) for a whole back-off, up to 5 s per update, and
      // with it the relay to peers.
      if (this.retryTimer) resolve('pending');
      else this.schedule();
    });
  }

  /** Resolves when every update appended so far for `name` is durable. */
  whenDurable(name: string): Promise<void> {
    const ticket = this.lastTicketOf.get(name) ?? 0;
    if (ticket < this.durableBelow) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ ticket, resolve }));
  }

  /** Number of appends not yet durable (queued or being written). */
  get pendingCount(): number {
    return this.queue.length + this.inFlightCount;
  }

  /** Milliseconds the oldest update not yet durable has waited (0 when none waits). */
  get oldestPendingMs(): number {
    const oldest = this.queue[0]?.queuedAt ?? this.inFlightSince;
    return oldest === null ? 0 : Date.now() - oldest;
  }

  /**
   * Why saving is stalled, or `null` when it is not: updates have waited longer than `stallMs`
   * for the store (a full disk, a read-only or unreachable database), or the store has stopped
   * confirming writes (`DocumentStore.problem`, e.g. its SQLite files were removed).
   */
  stallReason(stallMs: number): string | null {
    const halted = this.store.problem?.() ?? null;
    if (halted) return halted;
    const age = this.oldestPendingMs;
    if (this.pendingCount === 0 || age < stallMs) return null;
    const cause = this.lastError ? `; last write failed: ${this.lastError}` : '';
    return `${this.pendingCount} writes pending for ${Math.floor(age / 1000)} s${cause}`;
  }

  /**
   * Resolves when the queue is empty (used at shutdown); retries are attempted immediately.
   * Rejects when the store has stopped confirming for good ({@link DocumentStore.problem}).
   */
  async drain(): Promise<void> {
    while (this.queue.length > 0 || this.flushing) {
      // Retrying forever would hang the shutdown: nothing can be written until a restart.
      const halted = this.store.problem?.() ?? null;
      if (halted && !this.flushing) throw new Error(`${this.queue.length} updates could not be written: ${halted}`);
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

  /**
   * Writes what is queued, or joins the write in flight: callers that await it (`drain`) must
   * wait for the batch being written, not spin on a flag the worker's answer will clear.
   */
  private flush(): Promise<void> {
    if (this.current) return this.current;
    if (this.queue.length === 0) return Promise.resolve();
    const current = this.flushBatch().finally(() => {
      if (this.current === current) this.current = null;
    });
    this.current = current;
    return current;
  }

  private async flushBatch(): Promise<void> {
    this.flushing = true;
    const batch = this.queue;
    this.queue = [];
    this.inFlightSince = batch[0]?.queuedAt ?? null;
    this.inFlightCount = batch.length;
    const started = process.hrtime.bigint();
    const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
    try {
      const { refused } = await this.store.appendUpdates(batch);
      this.onAttempt(elapsed(), batch.length, true);
      this.retryDelayMs = 0;
      this.lastError = null;
      this.durableBelow = (batch[batch.length - 1] as Pending).ticket + 1;
      for (const p of batch) {
        const outcome = refused.has(p.name) ? 'refused' : 'written';
        p.attempted(outcome);
        p.settled?.(outcome);
      }
      this.releaseWaiters();
      const counts = new Map<string, number>();
      for (const p of batch) if (!refused.has(p.name)) counts.set(p.name, (counts.get(p.name) ?? 0) + 1);
      this.onCommitted(counts);
    } catch (err) {
      this.onAttempt(elapsed(), batch.length, false);
      this.lastError = err instanceof Error ? err.message : String(err);
      const halted = this.store.problem?.() ?? null;
      if (halted && !this.haltLogged) {
        this.haltLogged = true;
        this.log.error({ reason: halted }, 'storage stopped confirming writes: nothing more is "saved" until it is fixed and the server restarted');
      }
      // Keep order: the failed batch goes back in front of anything queued meanwhile.
      this.queue = batch.concat(this.queue);
      // Appends that arrived during this attempt too: their first attempt is the retry.
      for (const p of this.queue) p.attempted('pending');
      this.retryDelayMs = Math.min(Math.max(this.retryDelayMs * 2, 100), 5000);
      this.log.error({ err, pending: this.queue.length, retryInMs: this.retryDelayMs }, 'durable write failed; will retry');
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        void this.flush();
      }, this.retryDelayMs);
    } finally {
      this.flushing = false;
      this.inFlightSince = null;
      this.inFlightCount = 0;
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
