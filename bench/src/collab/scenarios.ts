import * as Y from 'yjs';
import { PROBLEM_NODE_ID } from '@cocrea/domain';
import { addNode, applyTextChange, nodeText, readTree, treeNodes } from '@cocrea/collab';
import { BenchClient, openClients, type ClientSpec, type ServerKind } from './client';
import type { Histogram } from './histogram';
import { diff, parseGauges, parseHistograms, type PromHistogram } from './metrics';
import { cpuSeconds, now, rssBytes, sleep, waitUntil } from './procs';
import { collectGarbage, createMesa, joinMesa, newHome, removeHome, scrapeMetrics, startServer, type RunningServer, type ServerHome } from './servers';
import type { LoadWorkers } from './workers';
import { seedLikeCocrea } from './workload';

/** A document of a scenario, on one server. */
interface BenchDoc {
  name: string;
  /** cocrea: the mesa, to join for tokens. */
  mesaId?: string;
}

/**
 * Creates `count` documents shaped like a mesa's tree: cocrea creates mesas over REST (the server
 * seeds them); the stock servers get the same seed from a client (`seed: false` leaves them empty
 * for a client to seed later).
 */
async function createDocs(server: RunningServer, count: number, prefix: string, seed = true): Promise<BenchDoc[]> {
  const docs: BenchDoc[] = [];
  if (server.kind === 'cocrea') {
    for (let i = 0; i < count; i++) {
      const m = await createMesa(server, `${prefix} ${i}`);
      docs.push({ name: m.docName, mesaId: m.mesaId });
    }
    return docs;
  }
  for (let i = 0; i < count; i++) docs.push({ name: `${prefix}-${i}` });
  if (!seed) return docs;
  const seeders = await openClients(docs.map((d, i) => ({ server: server.kind, wsUrl: server.wsUrl, docName: d.name, index: 100_000 + i })), 20, 30_000);
  try {
    for (const s of seeders) seedLikeCocrea(s.doc, s.spec.docName);
    await Promise.all(seeders.map((s) => s.whenAllAcked(30_000)));
    // y-websocket has no acknowledgement: a second client must see the seed.
    const check = await openClients(seeders.map((s) => ({ ...s.spec, index: s.spec.index + 100_000 })), 20, 30_000);
    try {
      await waitUntil(() => check.every((c) => treeNodes(c.doc).has(PROBLEM_NODE_ID)), 30_000, 'seeded documents');
    } finally {
      for (const c of check) c.destroy();
    }
  } finally {
    for (const s of seeders) s.destroy();
  }
  return docs;
}

/** Client specs: `perDoc` clients on each document (cocrea: each joins its mesa for a token). */
async function clientSpecs(server: RunningServer, docs: BenchDoc[], perDoc: number, firstIndex = 0): Promise<ClientSpec[]> {
  const specs: ClientSpec[] = [];
  let index = firstIndex;
  for (const d of docs) {
    for (let k = 0; k < perDoc; k++) {
      const token = d.mesaId ? await joinMesa(server, d.mesaId, `Persona ${index}`) : undefined;
      specs.push({ server: server.kind, wsUrl: server.wsUrl, docName: d.name, index: index++, token });
    }
  }
  return specs;
}

interface Scrape {
  histograms: Map<string, PromHistogram>;
  gauges: Map<string, number>;
}

async function metricsOf(server: RunningServer): Promise<Scrape | null> {
  if (server.kind !== 'cocrea') return null;
  const text = await scrapeMetrics(server);
  return { histograms: parseHistograms(text), gauges: parseGauges(text) };
}

/** What cocrea's metrics said about one measurement window. */
export interface DurabilityProfile {
  durableWrite: PromHistogram | undefined;
  ackLatency: PromHistogram | undefined;
  batchSize: PromHistogram | undefined;
  /**
   * Event-loop delay of the server during the window (prom-client resets it at every scrape, so
   * the scrape at the end of the window covers exactly the window), in seconds.
   */
  loopLag: { mean: number; p99: number; max: number };
}

function profile(after: Scrape | null, before: Scrape | null): DurabilityProfile | null {
  if (!after) return null;
  const d = (n: string) => diff(after.histograms.get(n), before?.histograms.get(n));
  const g = (n: string) => after.gauges.get(`cocrea_nodejs_eventloop_lag_${n}_seconds`) ?? Number.NaN;
  return {
    durableWrite: d('cocrea_durable_write_seconds'),
    ackLatency: d('cocrea_ack_latency_seconds'),
    batchSize: d('cocrea_durable_batch_size'),
    loopLag: { mean: g('mean'), p99: g('p99'), max: g('max') },
  };
}

/** One latency measurement. */
export interface LatencyResult {
  kind: ServerKind;
  variant: string;
  docs: number;
  editorsPerDoc: number;
  ratePerClient: number;
  measureSeconds: number;
  /** One sample per (edit, peer). */
  deliveries: Histogram;
  /** One sample per edit: arrival at the last of its peers. */
  allPeers: Histogram;
  /** One sample per edit: arrival at the first of its peers (server + network + one client). */
  firstPeer: Histogram;
  edits: number;
  complete: number;
  /** Server CPU during the window, in % of one core. */
  serverCpuPct: number;
  maxWorkerElu: number;
  workerCpuPct: number;
  profile: DurabilityProfile | null;
  /** p99 to the last peer of each pass, in order. */
  passP99: number[];
}

function addProm(a: PromHistogram | undefined, b: PromHistogram | undefined): PromHistogram | undefined {
  if (!a || !b) return a ?? b;
  const bb = new Map(b.buckets);
  return { buckets: a.buckets.map(([le, n]) => [le, n + (bb.get(le) ?? 0)]), sum: a.sum + b.sum, count: a.count + b.count };
}

/** Two measurements of the same configuration (two passes), as one. */
export function mergeLatency(a: LatencyResult, b: LatencyResult): LatencyResult {
  const w = (x: number, y: number) => (x * a.measureSeconds + y * b.measureSeconds) / (a.measureSeconds + b.measureSeconds);
  const pa = a.profile;
  const pb = b.profile;
  return {
    ...a,
    measureSeconds: a.measureSeconds + b.measureSeconds,
    deliveries: a.deliveries.merge(b.deliveries.toJSON()),
    allPeers: a.allPeers.merge(b.allPeers.toJSON()),
    firstPeer: a.firstPeer.merge(b.firstPeer.toJSON()),
    edits: a.edits + b.edits,
    complete: a.complete + b.complete,
    serverCpuPct: w(a.serverCpuPct, b.serverCpuPct),
    maxWorkerElu: Math.max(a.maxWorkerElu, b.maxWorkerElu),
    workerCpuPct: w(a.workerCpuPct, b.workerCpuPct),
    passP99: [...a.passP99, ...b.passP99],
    profile:
      pa && pb
        ? {
            durableWrite: addProm(pa.durableWrite, pb.durableWrite),
            ackLatency: addProm(pa.ackLatency, pb.ackLatency),
            batchSize: addProm(pa.batchSize, pb.batchSize),
            loopLag: { mean: w(pa.loopLag.mean, pb.loopLag.mean), p99: Math.max(pa.loopLag.p99, pb.loopLag.p99), max: Math.max(pa.loopLag.max, pb.loopLag.max) },
          }
        : (pa ?? pb),
  };
}

/**
 * `docs` documents × `perDoc` editors, each making `rate` edits per second: a warm-up, then a
 * measured window; latency = arrival at a peer − edit time at the writer (shared clock).
 */
export async function latencyRun(
  server: RunningServer,
  workers: LoadWorkers,
  opts: { variant: string; docs: number; perDoc: number; rate: number; warmupMs: number; measureMs: number },
): Promise<LatencyResult> {
  const t = now();
  const debug = (what: string) => process.env.BENCH_DEBUG && console.log(`    ${what}: ${((now() - t) / 1000).toFixed(1)} s`);
  const docs = await createDocs(server, opts.docs, `lat-${opts.docs}x${opts.perDoc}-${Date.now()}`);
  const specs = await clientSpecs(server, docs, opts.perDoc);
  debug('docs + tokens');
  await workers.open(specs);
  debug('open');
  try {
    await workers.setup();
    debug('setup');
    await sleep(500);
    const startAt = now() + 200;
    const from = startAt + opts.warmupMs;
    const until = from + opts.measureMs;
    await workers.run({ ratePerClient: opts.rate, startAt, from, until, stopAt: until, record: false });
    await sleep(from - now());
    const cpu0 = cpuSeconds(server.pid);
    const t0 = now();
    const m0 = await metricsOf(server);
    await sleep(until - now());
    const cpu1 = cpuSeconds(server.pid);
    const t1 = now();
    const m1 = await metricsOf(server);
    const r = await workers.collect({ haltNow: false, graceMs: 1000, peersPerEdit: opts.perDoc - 1, timeoutMs: 60_000 });
    debug('collect');
    return {
      kind: server.kind,
      variant: opts.variant,
      docs: opts.docs,
      editorsPerDoc: opts.perDoc,
      ratePerClient: opts.rate,
      measureSeconds: opts.measureMs / 1000,
      deliveries: r.deliveries,
      allPeers: r.allPeers,
      firstPeer: r.firstPeer,
      edits: r.edits,
      complete: r.complete,
      serverCpuPct: ((cpu1 - cpu0) / ((t1 - t0) / 1000)) * 100,
      maxWorkerElu: r.maxElu,
      workerCpuPct: (r.workerCpuSeconds / ((opts.warmupMs + opts.measureMs) / 1000 + 1)) * 100,
      profile: profile(m1, m0),
      passP99: [r.allPeers.quantile(0.99)],
    };
  } finally {
    await workers.close();
    debug('close');
  }
}

/** Cold open of a large document. */
export interface ColdOpenResult {
  kind: ServerKind;
  nodes: number;
  updates: number;
  stateBytes: number;
  buildSeconds: number;
  /** `new provider → synced`, one per repetition (ms). */
  openMs: number[];
  /** `false` for a server without persistence: the document was opened from memory. */
  cold: boolean;
}

const BUILDERS = 10;

/**
 * Builds a tree of `nodes` nodes through `updates` updates from real clients (node adds and
 * typing, 10 clients in parallel), restarts the server so the document is not in memory and
 * times `new provider → synced` for a fresh client, `reps` times (one restart per repetition).
 */
export async function coldOpen(kind: ServerKind, opts: { nodes: number; updates: number; reps: number }): Promise<ColdOpenResult> {
  const home = newHome(kind);
  let server = await startServer(home);
  try {
    const [doc] = await createDocs(server, 1, `cold-${Date.now()}`);
    if (!doc) throw new Error('no document');
    const built = now();
    const builders = await openClients(await clientSpecs(server, [doc], BUILDERS), BUILDERS, 30_000);
    let updates = 0;
    try {
      const current = builders.map(() => PROBLEM_NODE_ID);
      // Node adds spread evenly over the history (every `step`-th update of each builder); the rest is typing.
      const step = Math.max(1, Math.floor(opts.updates / opts.nodes));
      let added = 0;
      for (let round = 0; updates < opts.updates; round++) {
        for (let b = 0; b < builders.length && updates < opts.updates; b++) {
          const c = builders[b] as BenchClient;
          if (round % step === 0 && added < opts.nodes) {
            const parentId = added % 3 === 0 ? PROBLEM_NODE_ID : (current[b] as string);
            const author = { id: `b${b}`, name: `Constructora ${b}` };
            current[b] = addNode(c.doc, { parentId, kind: b % 2 ? 'cause' : 'effect', text: '', author });
            added++;
          } else {
            const text = nodeText(c.doc, current[b] as string) as Y.Text;
            const prev = text.toJSON();
            applyTextChange(text, prev.length >= 60 ? prev.slice(0, 30) : `${prev}${'abcdefghij'[round % 10] as string}`);
          }
          updates++;
        }
        if (round % 50 === 49) await Promise.all(builders.map((c) => c.whenAllAcked(60_000).then(() => sleep(0))));
      }
      await Promise.all(builders.map((c) => c.whenAllAcked(60_000)));
    } finally {
      // y-websocket has no ack: let the last updates reach the server before closing.
      await sleep(500);
      for (const c of builders) c.destroy();
    }
    const buildSeconds = (now() - built) / 1000;
    const expected = opts.nodes + 1;
    const verify = async (): Promise<{ ms: number; bytes: number }> => {
      const [spec] = await clientSpecs(server, [doc], 1, 500_000);
      const c = await new BenchClient(spec as ClientSpec).whenSynced(60_000);
      try {
        const n = readTree(c.doc).nodes.length;
        if (n !== expected) throw new Error(`${kind}: opened ${n} nodes, expected ${expected}`);
        return { ms: c.syncedAt - c.openedAt, bytes: Y.encodeStateAsUpdate(c.doc).length };
      } finally {
        c.destroy();
      }
    };
    const { bytes } = await verify();
    const openMs: number[] = [];
    const cold = kind !== 'yws';
    for (let r = 0; r < opts.reps; r++) {
      if (cold) {
        await server.stop();
        server = await startServer(home);
        await sleep(300);
      }
      openMs.push((await verify()).ms);
    }
    return { kind, nodes: opts.nodes, updates, stateBytes: bytes, buildSeconds, openMs, cold };
  } finally {
    await server.stop();
    removeHome(home);
  }
}

/** Edits acknowledged, then lost to a SIGKILL. */
export interface CrashResult {
  kind: ServerKind;
  editors: number;
  editSeconds: number;
  made: number;
  /** `null`: the server has no acknowledgement. */
  acked: number | null;
  lostAcked: number | null;
  lost: number;
  /** Seconds between the oldest lost (acknowledged, if there is an ack) edit and the kill. */
  lostWorkSeconds: number;
}

/**
 * `editors` clients type continuously (`rate` edits/s each) for `editMs`; the server is SIGKILLed,
 * restarted on the same data, and a fresh client's state vector says which edits survived.
 */
export async function crash(kind: ServerKind, workers: LoadWorkers, opts: { editors: number; rate: number; editMs: number }): Promise<CrashResult> {
  const home = newHome(kind);
  let server = await startServer(home);
  try {
    const docs = await createDocs(server, 1, `crash-${Date.now()}`);
    await workers.open(await clientSpecs(server, docs, opts.editors));
    let killAt: number;
    let records;
    try {
      await workers.setup();
      await sleep(300);
      const startAt = now() + 200;
      await workers.run({ ratePerClient: opts.rate, startAt, from: startAt, until: Number.MAX_SAFE_INTEGER, stopAt: startAt + 10 * opts.editMs, record: true });
      await sleep(startAt + opts.editMs - now());
      killAt = now();
      await server.kill();
      records = (await workers.collect({ haltNow: true, graceMs: 0, peersPerEdit: opts.editors - 1, timeoutMs: 30_000 })).records;
    } finally {
      await workers.close();
    }
    server = await startServer(home);
    const [spec] = await clientSpecs(server, docs, 1, 900_000);
    const reader = await new BenchClient(spec as ClientSpec).whenSynced(60_000);
    const sv = Y.decodeStateVector(Y.encodeStateVector(reader.doc));
    reader.destroy();
    let made = 0;
    let acked = 0;
    let lostAcked = 0;
    let lost = 0;
    let oldestLost = Number.POSITIVE_INFINITY;
    let oldestLostAcked = Number.POSITIVE_INFINITY;
    for (const { clientID, edits } of records) {
      const have = sv.get(clientID) ?? 0;
      for (const e of edits) {
        if (e.t >= killAt) continue;
        made++;
        const isAcked = !Number.isNaN(e.ackedAt) && e.ackedAt <= killAt;
        if (isAcked) acked++;
        if (e.endClock > have) {
          lost++;
          oldestLost = Math.min(oldestLost, e.t);
          if (isAcked) {
            lostAcked++;
            oldestLostAcked = Math.min(oldestLostAcked, e.t);
          }
        }
      }
    }
    const hasAck = kind !== 'yws';
    const oldest = hasAck ? oldestLostAcked : oldestLost;
    return {
      kind,
      editors: opts.editors,
      editSeconds: opts.editMs / 1000,
      made,
      acked: hasAck ? acked : null,
      lostAcked: hasAck ? lostAcked : null,
      lost,
      lostWorkSeconds: Number.isFinite(oldest) ? (killAt - oldest) / 1000 : 0,
    };
  } finally {
    await server.kill();
    removeHome(home);
  }
}

/** Server memory. */
export interface MemoryResult {
  kind: ServerKind;
  /** Idle connections added between the two readings. */
  connections: number;
  bytesPerConnection: number;
  /** Documents (with one client each) added between the two readings. */
  documents: number;
  nodesPerDocument: number;
  /** RSS delta per document with its one client. */
  bytesPerDocumentGross: number;
  /** The same minus one idle connection. */
  bytesPerDocument: number;
}

/** V8 and the allocator give memory back in steps during the first seconds of a process; readings wait for them. */
const MIN_UPTIME_MS = 20_000;

/**
 * RSS after a forced full collection, once it is stable: the server has run for at least
 * {@link MIN_UPTIME_MS} and two readings 1 s apart differ by less than 0.5 MB (at most 10 tries).
 */
async function settledRss(server: RunningServer, ms: number): Promise<number> {
  await sleep(Math.max(ms, server.startedAt + MIN_UPTIME_MS - now()));
  let last = Number.NaN;
  for (let i = 0; i < 10; i++) {
    await collectGarbage(server);
    await sleep(200);
    const rss = rssBytes(server.pid);
    if (Math.abs(rss - last) < 512 * 1024) return rss;
    last = rss;
    await sleep(800);
  }
  return last;
}

/** A first batch loads the code paths and grows the heap past its start-up slack; the slope is measured after it. */
const FIRST_STEP = 0.2;

/** The two fresh servers the memory scenario of one kind uses (started early so they are past their start-up). */
export interface MemoryServers {
  idle: { home: ServerHome; server: RunningServer };
  docs: { home: ServerHome; server: RunningServer };
}

/** Starts the servers of {@link memory}, with the inspector so the benchmark can force collections. */
export async function startMemoryServers(kind: ServerKind): Promise<MemoryServers> {
  const inspect = ['--inspect=127.0.0.1:0'];
  const idle = newHome(kind, {}, inspect);
  const docs = newHome(kind, {}, inspect);
  return { idle: { home: idle, server: await startServer(idle) }, docs: { home: docs, server: await startServer(docs) } };
}

/**
 * Server RSS per idle connection and per loaded document, as a slope: RSS after a first batch
 * (20 % of the clients) and after all of them, divided by the clients in between. Idle: clients
 * on one already loaded document. Documents: one client per document, which adds a small tree
 * (`nodes` nodes besides the problem). Stops both servers.
 */
export async function memory(kind: ServerKind, workers: LoadWorkers, servers: MemoryServers, opts: { connections: number; documents: number; nodes: number }): Promise<MemoryResult> {
  const firstConnections = Math.round(opts.connections * FIRST_STEP);
  const firstDocuments = Math.round(opts.documents * FIRST_STEP);
  let perConnection: number;
  try {
    const server = servers.idle.server;
    const [doc] = await createDocs(server, 1, `idle-${Date.now()}`);
    if (!doc) throw new Error('no document');
    const specs = await clientSpecs(server, [doc], opts.connections);
    try {
      await workers.open(specs.slice(0, firstConnections));
      const before = await settledRss(server, 1500);
      await workers.open(specs.slice(firstConnections));
      const after = await settledRss(server, 2000);
      perConnection = (after - before) / (opts.connections - firstConnections);
    } finally {
      await workers.close();
    }
  } finally {
    await servers.idle.server.stop();
    removeHome(servers.idle.home);
  }

  try {
    const server = servers.docs.server;
    const docs = await createDocs(server, opts.documents, `mem-${Date.now()}`, false);
    const specs = await clientSpecs(server, docs, 1);
    const setup = { seed: kind !== 'cocrea', children: opts.nodes - 1 };
    try {
      await workers.open(specs.slice(0, firstDocuments));
      await workers.setup(setup);
      const before = await settledRss(server, 1500);
      await workers.open(specs.slice(firstDocuments));
      await workers.setup(setup);
      const after = await settledRss(server, 2000);
      const gross = (after - before) / (opts.documents - firstDocuments);
      return {
        kind,
        connections: opts.connections - firstConnections,
        bytesPerConnection: perConnection,
        documents: opts.documents - firstDocuments,
        nodesPerDocument: opts.nodes,
        bytesPerDocumentGross: gross,
        bytesPerDocument: gross - perConnection,
      };
    } finally {
      await workers.close();
    }
  } finally {
    await servers.docs.server.stop();
    removeHome(servers.docs.home);
  }
}
