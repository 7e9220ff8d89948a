import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ClientSpec } from './client';
import { Histogram } from './histogram';
import { track, within } from './procs';
import type { RunResult, WorkerCommand } from './worker';
import type { EditRecord } from './workload';

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

/** Merged results of one run over every worker. */
export interface MergedRun {
  deliveries: Histogram;
  /** Latency to the slowest peer, one value per edit that reached every peer. */
  allPeers: Histogram;
  /** Latency to the first peer (server + network + one client), one value per edit. */
  firstPeer: Histogram;
  /** Edits made in the window, and how many of them reached every peer. */
  edits: number;
  complete: number;
  skipped: number;
  maxElu: number;
  workerCpuSeconds: number;
  records: { clientID: number; edits: EditRecord[] }[];
}

class Worker {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  readonly ready: Promise<void>;

  constructor(readonly child: ChildProcess) {
    let onReady: () => void = () => {};
    this.ready = new Promise((r) => (onReady = r));
    child.on('message', (m: { id: number; ok: boolean; value?: unknown; error?: string }) => {
      if (m.id === 0) return onReady();
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.ok) p.resolve(m.value);
      else p.reject(new Error(`worker ${child.pid}: ${m.error}`));
    });
    child.once('exit', (code, signal) => {
      for (const p of this.pending.values()) p.reject(new Error(`worker ${child.pid} exited (${code ?? signal})`));
      this.pending.clear();
    });
  }

  request<T>(cmd: WorkerCommand, timeoutMs: number): Promise<T> {
    const id = this.nextId++;
    const p = new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ id, cmd });
    });
    return within(p, timeoutMs, `worker ${cmd.op}`);
  }
}

/**
 * The load-generator processes of one scenario. Clients are spread round-robin, so every
 * document has writers and readers in every process.
 */
export class LoadWorkers {
  private constructor(private readonly workers: Worker[]) {}

  static async start(count: number): Promise<LoadWorkers> {
    const workers: Worker[] = [];
    for (let i = 0; i < count; i++) {
      const child = track(fork(WORKER, [], { execArgv: ['--import', 'tsx', '--max-semi-space-size=32', ...(process.env.BENCH_WORKER_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_WORKER_PROF}`] : [])], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
      workers.push(new Worker(child));
    }
    await within(Promise.all(workers.map((w) => w.ready)), 30_000, 'load workers to start');
    return new LoadWorkers(workers);
  }

  /** Opens the clients (synced); returns each client's open time in ms. */
  async open(specs: ClientSpec[], timeoutMs = 120_000): Promise<number[]> {
    const parts = this.workers.map((_, w) => specs.filter((_s, i) => i % this.workers.length === w));
    const results = await Promise.all(
      this.workers.map((w, i) => w.request<{ openMs: number[] }>({ op: 'open', specs: parts[i] ?? [], concurrency: 20, timeoutMs: 30_000 }, timeoutMs)),
    );
    return results.flatMap((r) => r.openMs);
  }

  /**
   * Every client adds its own node (and `children` more under it; with `seed`, first seeds an
   * empty document) and waits until the server acknowledged it.
   */
  async setup(opts: { seed?: boolean; children?: number } = {}, timeoutMs = 60_000): Promise<void> {
    const cmd = { op: 'setup', timeoutMs, seed: opts.seed ?? false, children: opts.children ?? 0 } as const;
    await Promise.all(this.workers.map((w) => w.request(cmd, timeoutMs + 5000)));
  }

  async run(cmd: Omit<Extract<WorkerCommand, { op: 'run' }>, 'op'>): Promise<void> {
    await Promise.all(this.workers.map((w) => w.request({ op: 'run', ...cmd }, 10_000)));
  }

  /** Waits for the run to end (or halts it), then merges what every worker measured. */
  async collect(opts: { haltNow: boolean; graceMs: number; peersPerEdit: number; timeoutMs: number }): Promise<MergedRun> {
    const results = await Promise.all(
      this.workers.map((w) => w.request<RunResult>({ op: 'collect', haltNow: opts.haltNow, graceMs: opts.graceMs }, opts.timeoutMs)),
    );
    const deliveries = new Histogram();
    const perEdit = new Map<string, { min: number; max: number; n: number }>();
    let edits = 0;
    let skipped = 0;
    for (const r of results) {
      deliveries.merge(r.deliveries);
      edits += r.edits;
      skipped += r.skipped;
      for (const [id, min, max, n] of r.perEdit) {
        const e = perEdit.get(id);
        if (e) {
          e.n += n;
          e.max = Math.max(e.max, max);
          e.min = Math.min(e.min, min);
        } else perEdit.set(id, { min, max, n });
      }
    }
    const allPeers = new Histogram();
    const firstPeer = new Histogram();
    for (const e of perEdit.values()) {
      firstPeer.record(e.min);
      if (e.n >= opts.peersPerEdit) allPeers.record(e.max);
    }
    return {
      deliveries,
      allPeers,
      firstPeer,
      edits,
      complete: allPeers.count,
      skipped,
      maxElu: Math.max(...results.map((r) => r.elu)),
      workerCpuSeconds: results.reduce((s, r) => s + r.cpuSeconds, 0),
      records: results.flatMap((r) => r.records),
    };
  }

  /** Closes every client (the processes stay for the next scenario). */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.request({ op: 'close' }, 60_000).catch(() => undefined)));
  }

  /** Ends the worker processes. */
  async stop(): Promise<void> {
    await Promise.all(
      this.workers.map(async (w) => {
        if (w.child.exitCode !== null || w.child.signalCode !== null) return;
        const exited = new Promise((r) => w.child.once('exit', r));
        w.child.disconnect();
        await within(exited, 10_000, 'worker exit').catch(() => w.child.kill('SIGKILL'));
      }),
    );
  }
}
