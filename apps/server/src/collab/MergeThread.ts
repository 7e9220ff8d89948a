import { Worker } from 'node:worker_threads';
import type { StoredDocument } from '../storage/DocumentStore';

const WORKER_URL = new URL('./merge.worker.mjs', import.meta.url);

interface Reply {
  id: number;
  state?: Uint8Array;
  skipped?: string[];
  error?: string;
}

/**
 * Folds stored documents ({@link mergeStored}) on a thread of its own. Decoding and re-encoding a
 * document near its 8 MiB quota took 100–350 ms; on the main thread that stopped every other mesa's
 * relays and acknowledgements for as long (the "growth" abuse of `npm run bench`). One thread,
 * started on first use and kept unreferenced while idle; if it dies, what was in flight is rejected
 * (compaction retries later; the log is intact) and the next merge starts a new one.
 */
export class MergeThread {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();
  private closed = false;

  /** The merged state; `onBadUpdate` hears about each logged update that could not be applied. */
  async merge(doc: StoredDocument, onBadUpdate: (message: string) => void = () => {}): Promise<Uint8Array> {
    if (this.closed) throw new Error('merge thread is closed');
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    const reply = await new Promise<Reply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, snapshot: doc.snapshot, updates: doc.updates });
    });
    if (reply.error !== undefined) throw new Error(reply.error);
    for (const message of reply.skipped ?? []) onBadUpdate(message);
    return reply.state as Uint8Array;
  }

  /** Stops the thread; merges in flight are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private start(): Worker {
    const worker = new Worker(WORKER_URL);
    worker.unref();
    worker.on('message', (r: Reply) => {
      const p = this.pending.get(r.id);
      if (!p) return;
      this.pending.delete(r.id);
      if (this.pending.size === 0) worker.unref();
      p.resolve(r);
    });
    const fail = (err: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const [id, p] of this.pending) {
        this.pending.delete(id);
        p.reject(err);
      }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`merge thread exited (${code})`)));
    this.worker = worker;
    return worker;
  }
}
