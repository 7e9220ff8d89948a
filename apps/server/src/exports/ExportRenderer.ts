import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { ExportCache } from './ExportCache';
import type { RenderJob } from './renderExport';

/** Bounds of the export processes (config `EXPORT_*`, docs/limits.md). */
export interface ExportRendererOptions {
  /** Processes rendering at once. */
  processes: number;
  /** Exports waiting for a process; one more is refused with {@link ExportBusyError}. */
  queue: number;
  /** Budget of one export, waiting included; past it the process is killed. */
  timeoutMs: number;
  /** A process idle this long exits, returning its memory. */
  idleMs: number;
  /** Bytes of rendered files of finalized versions kept in memory. */
  cacheBytes: number;
}

/** Every process is busy and the queue is full. */
export class ExportBusyError extends Error {
  override readonly name = 'ExportBusyError';
}

/** An export ran past its time budget and was cancelled. */
export class ExportTimeoutError extends Error {
  override readonly name = 'ExportTimeoutError';
  constructor(readonly seconds: number) {
    super(`export cancelled after ${seconds} s`);
  }
}

/** What the renderer has done, for tests and metrics. */
export interface ExportStats {
  /** Exports rendered by an export process. */
  rendered: number;
  /** Exports served from the cache. */
  cached: number;
  /** Exports refused (queue full) or cancelled (time budget). */
  refused: number;
  timedOut: number;
  /** Ids of the processes that rendered something (never the server's own). */
  processIds: ReadonlySet<number>;
  /** Processes alive now. */
  processes: number;
  cache: { entries: number; bytes: number };
}

const ENTRY = fileURLToPath(new URL('./renderProcess.mjs', import.meta.url));

/**
 * A process that has rendered past this much memory exits after its export instead of waiting
 * for the next one: freed native memory (resvg's pixmaps) stays in a process's malloc arenas.
 */
const RETIRE_RSS_BYTES = 768 * 1_048_576;

/**
 * Scheduling priority of an export process (nice 10): on a machine with as many busy processes
 * as cores, the server's event loop — every mesa's edits and saves — gets the CPU first, and an
 * export takes what is left (the abuse bench measured save p99 ×18 at equal priority).
 */
export const EXPORT_NICENESS = 10;

type Reply = { ready: true } | { id: number; body: Uint8Array; pid: number; rss: number } | { id: number; error: string };

interface Task {
  id: number;
  job: RenderJob;
  resolve: (body: Uint8Array) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
  worker?: Worker;
}

interface Worker {
  proc: ChildProcess;
  ready: boolean;
  task?: Task;
  idle?: NodeJS.Timeout;
  /** Killed, waiting for its exit. */
  stopping?: boolean;
}

/**
 * Renders exports (tree SVG/PNG, PDF, DOCX) in a few child processes: the event loop that serves
 * every mesa's edits never runs a layout, a PDF or a rasterizer, and what those libraries
 * allocate natively goes back to the system when their process exits (a worker thread's freed
 * pixmaps stayed in the server's RSS, ~55 MiB per poster). Processes start on demand, exit when
 * idle or after a render that left them big, and are killed when an export passes its budget;
 * a crash of a native renderer takes one export down, not the server.
 */
export class ExportRenderer {
  private readonly cache: ExportCache;
  private readonly counts = { rendered: 0, cached: 0, refused: 0, timedOut: 0 };
  private readonly processIds = new Set<number>();
  private readonly workers = new Set<Worker>();
  private readonly waiting: Task[] = [];
  private nextId = 1;
  /** Exports rendering or waiting. */
  private inFlight = 0;
  private closed = false;

  constructor(private readonly options: ExportRendererOptions) {
    this.cache = new ExportCache(options.cacheBytes);
  }

  /**
   * Renders `job` in an export process, or returns the cached bytes under `cacheKey` (give one
   * only for content that never changes, such as a finalized commitment version).
   */
  async render(job: RenderJob, cacheKey?: string): Promise<Uint8Array> {
    if (cacheKey !== undefined) {
      const hit = this.cache.get(cacheKey);
      if (hit) {
        this.counts.cached++;
        return hit;
      }
    }
    if (this.closed || this.inFlight >= this.options.processes + this.options.queue) {
      this.counts.refused++;
      throw new ExportBusyError('export queue is full');
    }
    this.inFlight++;
    let body: Uint8Array;
    try {
      body = await new Promise<Uint8Array>((resolve, reject) => {
        const task: Task = { id: this.nextId++, job, resolve, reject, timer: setTimeout(() => this.expire(task), this.options.timeoutMs) };
        this.waiting.push(task);
        this.dispatch();
      });
    } finally {
      this.inFlight--;
    }
    this.counts.rendered++;
    if (cacheKey !== undefined) this.cache.set(cacheKey, body);
    return body;
  }

  /** Counters since start-up. */
  stats(): ExportStats {
    return { ...this.counts, processIds: this.processIds, processes: this.workers.size, cache: this.cache.size() };
  }

  /** Cancels waiting exports and stops the processes. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.waiting.splice(0)) this.settle(task, new Error('export renderer closed'));
    const exits = [...this.workers].map((w) => new Promise<void>((done) => (w.proc.exitCode !== null || w.proc.signalCode !== null ? done() : w.proc.once('exit', () => done()))));
    for (const w of this.workers) {
      // An idle process is unreferenced: wait for its exit with the event loop held open.
      w.proc.ref();
      this.stop(w);
    }
    await Promise.all(exits);
  }

  /** Hands waiting exports to idle processes, starting processes (up to the limit) for the rest. */
  private dispatch(): void {
    for (const w of this.workers) {
      if (this.waiting.length === 0) return;
      if (w.ready && !w.task && !w.stopping) this.assign(w, this.waiting.shift() as Task);
    }
    let starting = [...this.workers].filter((w) => !w.ready && !w.stopping).length;
    while (starting < this.waiting.length && this.workers.size < this.options.processes) {
      this.spawn();
      starting++;
    }
  }

  private assign(worker: Worker, task: Task): void {
    clearTimeout(worker.idle);
    worker.task = task;
    task.worker = worker;
    worker.proc.ref();
    worker.proc.channel?.ref();
    worker.proc.send({ id: task.id, job: task.job });
  }

  private spawn(): void {
    const proc = fork(ENTRY, [], {
      serialization: 'advanced',
      // The loader is registered by the entry itself; the heap cap keeps a runaway render from taking the host.
      execArgv: ['--max-old-space-size=1024'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    if (proc.pid !== undefined) {
      try {
        os.setPriority(proc.pid, Math.min(19, os.getPriority() + EXPORT_NICENESS));
      } catch {
        // not permitted here: exports run at the server's priority
      }
    }
    const worker: Worker = { proc, ready: false };
    this.workers.add(worker);
    proc.on('message', (msg: Reply) => this.onMessage(worker, msg));
    proc.on('error', () => this.stop(worker));
    proc.once('exit', () => {
      this.workers.delete(worker);
      clearTimeout(worker.idle);
      if (worker.task) this.settle(worker.task, new Error('export process exited while rendering'));
      if (!this.closed) this.dispatch();
    });
  }

  private onMessage(worker: Worker, msg: Reply): void {
    if ('ready' in msg) {
      worker.ready = true;
    } else {
      const task = worker.task;
      if (!task || task.id !== msg.id) return;
      worker.task = undefined;
      if ('error' in msg) {
        this.settle(task, new Error(msg.error));
      } else {
        this.processIds.add(msg.pid);
        this.settle(task, undefined, msg.body);
        if (msg.rss > RETIRE_RSS_BYTES) {
          this.stop(worker);
          this.dispatch();
          return;
        }
      }
    }
    if (this.closed) return this.stop(worker);
    this.dispatch();
    if (!worker.task) this.rest(worker);
  }

  /** An idle process does not keep the server alive, and exits after `idleMs`. */
  private rest(worker: Worker): void {
    worker.proc.unref();
    worker.proc.channel?.unref();
    worker.idle = setTimeout(() => this.stop(worker), this.options.idleMs);
    worker.idle.unref();
  }

  private expire(task: Task): void {
    const i = this.waiting.indexOf(task);
    if (i >= 0) this.waiting.splice(i, 1);
    this.counts.timedOut++;
    const worker = task.worker;
    this.settle(task, new ExportTimeoutError(Math.round(this.options.timeoutMs / 1000)));
    if (worker) this.stop(worker);
  }

  private settle(task: Task, err: Error | undefined, body?: Uint8Array): void {
    clearTimeout(task.timer);
    if (task.worker?.task === task) task.worker.task = undefined;
    if (err) task.reject(err);
    else task.resolve(body as Uint8Array);
  }

  private stop(worker: Worker): void {
    clearTimeout(worker.idle);
    worker.stopping = true;
    if (worker.proc.exitCode === null && worker.proc.signalCode === null) worker.proc.kill('SIGKILL');
  }
}
