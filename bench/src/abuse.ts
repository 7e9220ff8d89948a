import { spawn } from 'node:child_process';
import os from 'node:os';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ABUSES, type AbuseKind, type AttackSpec } from './abuse/attacker';
import { openClients } from './collab/client';
import { installCleanup, killAll, now, rssBytes, sleep, track, within } from './collab/procs';
import { collectGarbage, createMesa, joinMesa, newHome, removeHome, startServer, type RunningServer } from './collab/servers';
import { Editor } from './collab/workload';
import { machineLine, writeSection } from './report';
import { quantile } from './stats';

const ATTACKER = fileURLToPath(new URL('./abuse/attacker.ts', import.meta.url));
/** Where the attacker connects from (loopback, another address than the victim's 127.0.0.1). */
const ATTACKER_ADDRESS = '127.0.0.2';
const QUICK = process.env.BENCH_QUICK === '1';
/** `BENCH_ABUSES=export,growth`: only those windows (the doc is not written). */
const ONLY = process.env.BENCH_ABUSES?.split(',').filter((k): k is AbuseKind => (ABUSES as readonly string[]).includes(k));
/** `BENCH_SERVER_PROF=/dir`: the server writes a `--cpu-prof` profile there when it stops. */
const SERVER_PROF = process.env.BENCH_SERVER_PROF;
/** Length of each measured window. */
const WINDOW_MS = QUICK ? 4000 : 15_000;
/** The victim's typing rate: one edit every this many ms. */
const EDIT_EVERY_MS = 100;
/** Targets from issue 10: another mesa's save p99 under abuse ≤ 2× its p99 without, no save slower than this. */
const TARGET_RATIO = 2;
const STALL_MS = 250;

const LABELS: Record<AbuseKind | 'none', string> = {
  none: 'ninguno',
  export: 'exportar su árbol de 1 500 nodos (SVG y PNG, en bucle, cambiando una letra antes de cada una)',
  'unknown-names': 'abrir documentos inexistentes de su mesa',
  awareness: 'presencia de 2 000 clientes inventados por mensaje',
  growth: 'hacer crecer su árbol sin parar',
  sockets: 'abrir miles de WebSockets sin autenticar',
};

interface WindowResult {
  kind: AbuseKind | 'none';
  /** Save latencies (edit → "Guardado"), ms. */
  saves: number[];
  /** Edits never confirmed within the drain timeout. */
  unconfirmed: number;
  rssBeforeMb: number;
  rssAfterMb: number;
}

/** Starts the attacker process and waits for it to finish preparing. */
async function startAttacker(spec: AttackSpec): Promise<() => Promise<void>> {
  const child = track(spawn(process.execPath, ['--import', 'tsx', ATTACKER], { env: { ...process.env, ABUSE_SPEC: JSON.stringify(spec) }, stdio: ['ignore', 'pipe', 'pipe'] }));
  // A real attacker's CPU is on its own machine; here it shares the two cores with the server and
  // the victim, so it runs at the lowest priority and measures what the server does, not the load generator.
  if (child.pid !== undefined) os.setPriority(child.pid, 19);
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const ready = new Promise<void>((resolve, reject) => {
    readline.createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (l) => l === 'ready' && resolve());
    void exited.then(() => reject(new Error(`attacker ${spec.kind} exited: ${stderr}`)));
  });
  await within(ready, 120_000, `attacker ${spec.kind} to prepare`);
  return async () => {
    child.kill('SIGKILL');
    await exited;
  };
}

/** Types into the victim's tree for one window and returns every edit's time to "Guardado". */
async function measureWindow(server: RunningServer, editor: Editor, kind: WindowResult['kind'], after: () => Promise<void> = async () => {}): Promise<WindowResult> {
  const rssBeforeMb = await rssAfterGc(server);
  editor.recordEdits();
  const end = now() + WINDOW_MS;
  while (now() < end) {
    editor.edit();
    await sleep(EDIT_EVERY_MS);
  }
  await editor.client.whenAllAcked(60_000).catch(() => undefined);
  editor.stopRecording();
  await after();
  const records = editor.records ?? [];
  const saves = records.filter((r) => !Number.isNaN(r.ackedAt)).map((r) => r.ackedAt - r.t).sort((a, b) => a - b);
  return { kind, saves, unconfirmed: records.length - saves.length, rssBeforeMb, rssAfterMb: await rssAfterGc(server) };
}

/** The server's RSS in MiB after a forced full collection (what a leak would keep). */
async function rssAfterGc(server: RunningServer): Promise<number> {
  await collectGarbage(server);
  return rssBytes(server.pid) / 2 ** 20;
}

const f = (n: number) => (Number.isNaN(n) ? '—' : n < 10 ? n.toFixed(1) : n.toFixed(0));

/**
 * Another mesa's save latency while one participant abuses the server (issue 10): a victim types
 * 10 edits/s into its own mesa and measures edit → "Guardado"; each abuse runs from a separate
 * process with a participant's token of another mesa. Baseline: the same victim with no abuse,
 * before and after, in the same run.
 */
export async function benchAbuse(): Promise<string> {
  installCleanup();
  // The server's own per-IP limits stay at their defaults: the attacker connects from 127.0.0.2,
  // the victim from 127.0.0.1, as two households would.
  const home = newHome('cocrea', { MAX_SOCKETS_PER_IP: '200', WS_CONNECTS_PER_SECOND: '20', RATE_LIMIT_JOIN: '300' }, ['--inspect=127.0.0.1:0', ...(SERVER_PROF ? ['--cpu-prof', `--cpu-prof-dir=${SERVER_PROF}`] : [])]);
  const server = await startServer(home);
  const results: WindowResult[] = [];
  try {
    const victimMesa = await createMesa(server, 'Mesa víctima');
    const victimToken = await joinMesa(server, victimMesa.mesaId, 'Víctima');
    const peerToken = await joinMesa(server, victimMesa.mesaId, 'Par');
    const [writer, peer] = await openClients(
      [
        { server: 'cocrea', wsUrl: server.wsUrl, docName: victimMesa.docName, token: victimToken, index: 0 },
        { server: 'cocrea', wsUrl: server.wsUrl, docName: victimMesa.docName, token: peerToken, index: 1 },
      ],
      2,
      30_000,
    );
    if (!writer || !peer) throw new Error('victim clients did not open');
    const editor = new Editor(writer);
    editor.setup();
    await writer.whenAllAcked(30_000);
    // Warm-up: JIT, SQLite pages, the writer thread.
    await measureWindow(server, editor, 'none');
    results.push(await measureWindow(server, editor, 'none'));
    for (const kind of ONLY ?? ABUSES) {
      const mesa = await createMesa(server, `Mesa del ataque ${kind}`);
      const token = await joinMesa(server, mesa.mesaId, 'Atacante');
      const stop = await startAttacker({ kind, httpUrl: server.httpUrl, wsUrl: server.wsUrl, mesaId: mesa.mesaId, token, localAddress: ATTACKER_ADDRESS });
      let stopped = false;
      try {
        // Memory is read after the attacker is gone and its sockets closed: what stays is kept.
        const r = await measureWindow(server, editor, kind, async () => {
          await stop();
          stopped = true;
        });
        results.push(r);
        console.log(`  ${kind}: p99 ${f(quantile(r.saves, 0.99))} ms, RSS ${f(r.rssBeforeMb)} → ${f(r.rssAfterMb)} MB`);
      } finally {
        if (!stopped) await stop();
      }
    }
    results.push(await measureWindow(server, editor, 'none'));
    writer.destroy();
    peer.destroy();
  } finally {
    await server.stop();
    removeHome(home);
    killAll();
  }

  const baseline = results.filter((r) => r.kind === 'none').flatMap((r) => r.saves).sort((a, b) => a - b);
  const baseP99 = quantile(baseline, 0.99);
  const rows = results.map((r) => {
    const p99 = quantile(r.saves, 0.99);
    const max = r.saves.at(-1) ?? Number.NaN;
    const stalls = r.saves.filter((s) => s > STALL_MS).length;
    const ratio = p99 / baseP99;
    const met = r.kind === 'none' ? '—' : ratio <= TARGET_RATIO && stalls === 0 && r.unconfirmed === 0 ? 'sí' : 'no';
    return `| ${LABELS[r.kind]} | ${r.saves.length} | ${f(quantile(r.saves, 0.5))} | ${f(p99)} | ${f(max)} | ${stalls} | ${r.unconfirmed} | ${ratio.toFixed(2)}× | ${met} | ${f(r.rssBeforeMb)} → ${f(r.rssAfterMb)} |`;
  });
  const body = [
    `Una persona escribe 10 ediciones/s en su mesa y mide cada edición hasta «Guardado», mientras un participante de otra mesa`,
    `abusa del servidor desde otro proceso con su token (ventanas de ${WINDOW_MS / 1000} s, una por abuso). Línea base: la misma`,
    `persona sin abuso, antes y después, en la misma corrida. Objetivo (issue 10): p99 ≤ ${TARGET_RATIO}× la línea base y ninguna`,
    `edición tarda más de ${STALL_MS} ms en guardarse. «RSS» es la memoria del servidor tras una recolección completa, al empezar`,
    `la ventana y al terminarla, ya cerrado el atacante. El atacante se conecta desde 127.0.0.2 y la víctima desde 127.0.0.1, con`,
    `los límites por IP del servidor en sus valores por omisión.`,
    '',
    `Medido en: ${machineLine()}.`,
    '',
    '| Abuso | Ediciones | p50 (ms) | p99 (ms) | máx (ms) | > 250 ms | sin confirmar | p99 / sin abuso | objetivo | RSS (MB) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: | ---: |',
    ...rows,
  ].join('\n');
  if (!QUICK && !ONLY) writeSection('Abusos de un participante', body);
  return body;
}
