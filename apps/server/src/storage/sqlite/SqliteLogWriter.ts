import { Worker } from 'node:worker_threads';
import type { LogEntry } from '../DocumentStore';

type Request =
  | { op: 'append'; entries: readonly LogEntry[]; now: string }
  | { op: 'snapshot'; name: string; state: Uint8Array; fromSeq: number; toSeq: number; now: string }
  | { op: 'lock'; names: readonly string[]; commitmentId: string; now: string }
  | { op: 'unlock'; commitmentId: string }
  | { op: 'close' };

/** What the thread sends unasked: it stopped confirming (see `halt` in the worker). */
interface HaltEvent {
  event: 'halted';
  reason: string;
}

/** Code of the writes refused after the database files changed under the server. */
export const FILES_CHANGED = 'COCREA_SQLITE_FILES_CHANGED';

interface Reply {
  id: number;
  ok: boolean;
  result: unknown;
  message?: string;
  code?: string | null;
}

/** A write the writer thread refused or could not make (a constraint, a full disk, a lock). */
export class SqliteWriteError extends Error {
  override readonly name = 'SqliteWriteError';
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
  }
}

const WORKER_URL = new URL('./logWriter.worker.mjs', import.meta.url);

/**
 * Runs the SQLite writes that end in an fsync — group commits of the update log and snapshot
 * replacements — on a thread of their own (`logWriter.worker.mjs`, its own connection to the
 * same WAL file). better-sqlite3 is synchronous: on the main thread a slow fsync stopped the
 * event loop, and with it every relay to peers, for as long as the disk took. Requests are
 * answered in order. If the thread dies, what was in flight is rejected (the update log retries)
 * and the next request starts a new thread.
 */
export class SqliteLogWriter {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private closed = false;
  /**
   * Why the writer stopped confirming for good: `cocrea.sqlite` or its `-wal` was removed or
   * replaced under the running server. What was confirmed before was saved into the database
   * file (checkpoint, or a full copy); every later write is refused until a restart.
   */
  problem: string | null = null;

  constructor(
    private readonly file: string,
    private readonly synchronous: 'FULL' | 'NORMAL',
  ) {}

  /**
   * Appends entries of any documents in one transaction, except those of locked documents;
   * resolves once committed (fsynced with FULL) with the names it refused.
   */
  async append(entries: readonly LogEntry[], now: string): Promise<Set<string>> {
    // Only the fields the thread needs: callers pass richer objects (functions do not clone).
    const refused = await this.request({ op: 'append', entries: entries.map(({ name, data }) => ({ name, data })), now });
    return new Set(refused as string[]);
  }

  /** Locks `names` for `commitmentId`; appends queued before it are written first. */
  async lock(names: readonly string[], commitmentId: string, now: string): Promise<void> {
    await this.request({ op: 'lock', names, commitmentId, now });
  }

  async unlock(commitmentId: string): Promise<void> {
    await this.request({ op: 'unlock', commitmentId });
  }

  /**
   * Makes `state` the snapshot of `name` up to log row `toSeq` and deletes the rows it folded —
   * only if the snapshot still ends at `fromSeq` (what the caller read). `false` when it moved.
   */
  async replaceSnapshot(name: string, state: Uint8Array, fromSeq: number, toSeq: number, now: string): Promise<boolean> {
    return (await this.request({ op: 'snapshot', name, state, fromSeq, toSeq, now })) === true;
  }

  /** Waits for the writes in flight, closes the thread's connection and stops it. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const worker = this.worker;
    if (!worker) return;
    await this.send(worker, { op: 'close' }).catch(() => undefined);
    await worker.terminate();
    this.worker = null;
  }

  private request(req: Request): Promise<unknown> {
    if (this.closed) return Promise.reject(new SqliteWriteError('storage is closed', null));
    // A new thread would open a fresh WAL beside the main connection's removed one: never.
    if (this.problem) return Promise.reject(new SqliteWriteError(this.problem, FILES_CHANGED));
    return this.send(this.worker ?? this.start(), req);
  }

  private send(worker: Worker, req: Request): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // Kept referenced only while a write is in flight: an idle writer never holds the process open.
      worker.ref();
      try {
        worker.postMessage({ id, ...req });
      } catch (err) {
        this.pending.delete(id);
        if (this.pending.size === 0) worker.unref();
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
  }

  private start(): Worker {
    const worker = new Worker(WORKER_URL, { workerData: { file: this.file, synchronous: this.synchronous } });
    worker.on('message', (r: Reply | HaltEvent) => {
      if ('event' in r) {
        this.problem = r.reason;
        return;
      }
      if (!r.ok && r.code === FILES_CHANGED) this.problem = r.message ?? 'SQLite files changed';
      const p = this.pending.get(r.id);
      if (!p) return;
      this.pending.delete(r.id);
      if (this.pending.size === 0) worker.unref();
      if (r.ok) p.resolve(r.result);
      else p.reject(new SqliteWriteError(r.message ?? 'SQLite write failed', r.code ?? null));
    });
    const fail = (err: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const [id, p] of this.pending) {
        this.pending.delete(id);
        p.reject(err);
      }
    };
    worker.on('error', (err: Error) => fail(err));
    worker.on('exit', (code) => fail(new SqliteWriteError(`SQLite writer thread exited (${code})`, null)));
    this.worker = worker;
    return worker;
  }
}
