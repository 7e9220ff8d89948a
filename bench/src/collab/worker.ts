/**
 * A load-generator process: opens many clients (see `client.ts`), makes them edit at a given
 * rate and measures the arrival of everyone else's edits. Driven by the coordinator over IPC
 * (`LoadWorkers` in `workers.ts`); exits when the coordinator goes away.
 */
import { performance } from 'node:perf_hooks';
import { openClients, type BenchClient, type ClientSpec } from './client';
import type { HistogramData } from './histogram';
import { now, sleep } from './procs';
import { PROBLEM_NODE_ID } from '@cocrea/domain';
import { treeNodes } from '@cocrea/collab';
import { Editor, LatencyRecorder, seedLikeCocrea, type EditRecord } from './workload';

export type WorkerCommand =
  | { op: 'open'; specs: ClientSpec[]; concurrency: number; timeoutMs: number }
  | { op: 'setup'; timeoutMs: number; seed: boolean; children: number }
  | { op: 'run'; ratePerClient: number; startAt: number; from: number; until: number; stopAt: number; record: boolean }
  | { op: 'collect'; haltNow: boolean; graceMs: number }
  | { op: 'close' };

export interface RunResult {
  deliveries: HistogramData;
  /** [edit id, first arrival, last arrival, peers reached] */
  perEdit: [string, number, number, number][];
  edits: number;
  skipped: number;
  /** Event-loop utilization of this worker during the run (0–1): near 1 means the generator itself was saturated. */
  elu: number;
  cpuSeconds: number;
  records: { clientID: number; edits: EditRecord[] }[];
}

process.setMaxListeners(0); // y-websocket adds an `exit` listener per provider
process.on('disconnect', () => process.exit(0));

let clients: BenchClient[] = [];
let editors: Editor[] = [];
const recorder = new LatencyRecorder();
let stopAt = 0;
/** Edits this process made inside the measurement window. */
let windowEdits = 0;
let running: Promise<void> | null = null;
let runStarted: { elu: ReturnType<typeof performance.eventLoopUtilization>; cpu: NodeJS.CpuUsage } | null = null;

/** One client's edit loop: evenly spaced edits from a random phase; a late loop skips slots instead of bursting. */
async function editLoop(editor: Editor, periodMs: number, startAt: number): Promise<void> {
  let target = startAt + Math.random() * periodMs;
  for (;;) {
    // Never sleep past the end of the run: at 0.1 edit/s a period is 10 s.
    const wait = Math.min(target, stopAt) - now();
    if (wait > 0) await sleep(wait);
    if (now() >= stopAt) return;
    if (now() < target) continue;
    if (recorder.inWindow(editor.edit())) windowEdits++;
    target += periodMs;
    if (target < now() - periodMs) target = now();
  }
}

async function handle(cmd: WorkerCommand): Promise<unknown> {
  switch (cmd.op) {
    case 'open': {
      const opened = await openClients(cmd.specs, cmd.concurrency, cmd.timeoutMs);
      clients.push(...opened);
      editors.push(...opened.map((c) => new Editor(c)));
      for (const c of opened) recorder.watch(c);
      return { opened: opened.length, openMs: opened.map((c) => c.syncedAt - c.openedAt) };
    }
    case 'setup': {
      for (const e of editors) {
        if (e.isSetUp) continue;
        // Stock servers start empty: a client alone on its document seeds it like cocrea's server does.
        if (cmd.seed && !treeNodes(e.client.doc).has(PROBLEM_NODE_ID)) seedLikeCocrea(e.client.doc, e.client.spec.docName);
        e.setup();
        e.addChildren(cmd.children);
      }
      await Promise.all(clients.map((c) => c.whenAllAcked(cmd.timeoutMs)));
      return {};
    }
    case 'run': {
      recorder.window(cmd.from, cmd.until);
      windowEdits = 0;
      stopAt = cmd.stopAt;
      if (cmd.record) for (const e of editors) e.recordEdits();
      runStarted = { elu: performance.eventLoopUtilization(), cpu: process.cpuUsage() };
      const period = 1000 / cmd.ratePerClient;
      running = Promise.all(editors.map((e) => editLoop(e, period, cmd.startAt))).then(() => undefined);
      return {};
    }
    case 'collect': {
      if (cmd.haltNow) stopAt = 0;
      await running;
      running = null;
      await sleep(cmd.graceMs);
      const elu = runStarted ? performance.eventLoopUtilization(runStarted.elu).utilization : Number.NaN;
      const cpu = runStarted ? process.cpuUsage(runStarted.cpu) : { user: 0, system: 0 };
      const result: RunResult = {
        deliveries: recorder.deliveries.toJSON(),
        perEdit: [...recorder.perEdit].map(([id, e]) => [id, e.min, e.max, e.n]),
        edits: windowEdits,
        skipped: recorder.skipped,
        elu,
        cpuSeconds: (cpu.user + cpu.system) / 1e6,
        records: editors.filter((e) => e.records).map((e) => ({ clientID: e.client.doc.clientID, edits: e.records ?? [] })),
      };
      for (const e of editors) {
        e.stopRecording();
        e.records = null;
      }
      recorder.reset();
      return result;
    }
    case 'close': {
      for (const c of clients) c.destroy();
      clients = [];
      editors = [];
      recorder.reset();
      return {};
    }
  }
}

process.on('message', (msg: { id: number; cmd: WorkerCommand }) => {
  handle(msg.cmd).then(
    (value) => process.send?.({ id: msg.id, ok: true, value }),
    (err: unknown) => process.send?.({ id: msg.id, ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
  );
});
process.send?.({ id: 0, ok: true, value: 'ready' });
