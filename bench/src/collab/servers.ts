import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import type { ServerKind } from './client';
import { now, removeTempDir, track, trackTempDir, within } from './procs';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const COCREA_MAIN = path.join(REPO, 'apps/server/src/main.ts');
const HOCUSPOCUS_MAIN = fileURLToPath(new URL('./hocuspocusServer.ts', import.meta.url));
const YWS_MAIN = path.join(path.dirname(createRequire(import.meta.url).resolve('@y/websocket-server/package.json')), 'src/server.js');

/** How each server appears in tables. */
export const LABEL: Record<ServerKind, string> = {
  cocrea: 'cocrea',
  hocuspocus: 'Hocuspocus v4 + SQLite',
  yws: '@y/websocket-server',
};

/** cocrea's configuration variables: never inherited from the caller's environment. */
const COCREA_VARS = [
  'PORT', 'HOST', 'DATA_DIR', 'DATABASE_URL', 'REDIS_URL', 'PUBLIC_URL', 'AUTH_SECRET', 'TOKEN_TTL_SECONDS', 'MAX_MESSAGE_BYTES',
  'MAX_BODY_BYTES', 'SQLITE_SYNCHRONOUS', 'COMPACT_AFTER_UPDATES', 'METRICS_TOKEN', 'MAX_SOCKETS_PER_IP', 'WS_CONNECTS_PER_SECOND', 'MAX_SOCKETS', 'WEB_DIST', 'LOG_LEVEL', 'YPERSISTENCE', 'CALLBACK_URL', 'GC',
];

/** Per-IP limits lifted for load generators that all connect from 127.0.0.1 (the abuse bench keeps the defaults). */
export const LOAD_FROM_ONE_IP: Record<string, string> = { RATE_LIMIT_JOIN: '100000', MAX_SOCKETS_PER_IP: '100000', WS_CONNECTS_PER_SECOND: '100000' };

/** The token the benchmark's cocrea requires on `/metrics` (unset, it answers 404). */
const BENCH_METRICS_TOKEN = 'token-de-metricas-del-benchmark';

function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const v of COCREA_VARS) delete env[v];
  return { ...env, ...extra };
}

/** A server in its own process. */
export interface RunningServer {
  kind: ServerKind;
  pid: number;
  /** `http://127.0.0.1:port` */
  httpUrl: string;
  /** What providers connect to. */
  wsUrl: string;
  child: ChildProcess;
  exited: Promise<void>;
  /** When it started listening (shared clock, ms). */
  startedAt: number;
  /** With `--inspect` among `nodeArgs`: the inspector's WebSocket URL. */
  inspector: string | null;
  /** SIGTERM and wait (SIGKILL after 20 s). */
  stop(): Promise<void>;
  /** SIGKILL and wait. */
  kill(): Promise<void>;
}

/** Where one server keeps its data across restarts. */
export interface ServerHome {
  kind: ServerKind;
  dataDir: string;
  env: Record<string, string>;
  /** Extra `node` flags (profiling: `--cpu-prof`). */
  nodeArgs: string[];
  /** cocrea: the benchmark's account exists in `dataDir`. */
  accountReady?: boolean;
}

export function newHome(kind: ServerKind, env: Record<string, string> = {}, nodeArgs: string[] = []): ServerHome {
  return { kind, dataDir: trackTempDir(mkdtempSync(path.join(os.tmpdir(), `cocrea-bench-${kind}-`))), env, nodeArgs };
}

export function removeHome(home: ServerHome): void {
  removeTempDir(home.dataDir);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Starts a server of `home.kind` with its data in `home.dataDir`:
 * - cocrea: `node --import tsx apps/server/src/main.ts`, default settings, fresh `DATA_DIR`;
 * - stock Hocuspocus: `Server` + `@hocuspocus/extension-sqlite` on a file in `DATA_DIR`, default settings;
 * - @y/websocket-server: its own server entry (`src/server.js`), no persistence (its default).
 */
export async function startServer(home: ServerHome): Promise<RunningServer> {
  let child: ChildProcess;
  let port = 0;
  if (home.kind === 'cocrea') {
    await ensureBenchAccount(home);
    child = spawn(process.execPath, [...home.nodeArgs, '--import', 'tsx', COCREA_MAIN], {
      cwd: REPO,
      // Every load client joins and connects from 127.0.0.1: the per-IP limits would refuse most of them.
      env: cleanEnv({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: home.dataDir, ...LOAD_FROM_ONE_IP, METRICS_TOKEN: BENCH_METRICS_TOKEN, ...home.env }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } else if (home.kind === 'hocuspocus') {
    child = spawn(process.execPath, [...home.nodeArgs, '--import', 'tsx', HOCUSPOCUS_MAIN], {
      cwd: REPO,
      env: cleanEnv({ BENCH_SQLITE: path.join(home.dataDir, 'hocuspocus.sqlite'), ...home.env }),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  } else {
    port = await freePort();
    child = spawn(process.execPath, [...home.nodeArgs, YWS_MAIN], {
      cwd: REPO,
      env: cleanEnv({ HOST: '127.0.0.1', PORT: String(port), ...home.env }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }
  track(child);
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  let stderr = '';
  let inspector: string | null = null;
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
    inspector ??= /Debugger listening on (ws:\/\/\S+)/.exec(stderr)?.[1] ?? null;
  });
  const lines = readline.createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const listening = new Promise<number>((resolve, reject) => {
    lines.on('line', (line) => {
      if (home.kind === 'yws') {
        if (line.startsWith('running at')) resolve(port);
        return;
      }
      try {
        const entry = JSON.parse(line) as { msg?: string; url?: string; port?: number };
        if (entry.msg === 'cocrea listening' && entry.url) resolve(Number(new URL(entry.url).port));
        if (entry.msg === 'bench server listening' && entry.port) resolve(entry.port);
      } catch {
        // not a log line
      }
    });
    void exited.then(() => reject(new Error(`${home.kind} exited before listening: ${stderr}`)));
  });
  try {
    port = await within(listening, 30_000, `${home.kind} to listen`);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  const httpUrl = `http://127.0.0.1:${port}`;
  const wsUrl = home.kind === 'cocrea' ? `ws://127.0.0.1:${port}/collab` : `ws://127.0.0.1:${port}`;
  const alive = () => child.exitCode === null && child.signalCode === null;
  return {
    kind: home.kind,
    pid: child.pid as number,
    httpUrl,
    wsUrl,
    child,
    exited,
    startedAt: now(),
    get inspector() {
      return inspector;
    },
    async stop() {
      if (!alive()) return;
      child.kill('SIGTERM');
      await within(exited, 20_000, `${home.kind} to stop`).catch(async () => {
        child.kill('SIGKILL');
        await exited;
      });
    },
    async kill() {
      if (!alive()) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** The facilitator account the benchmark creates mesas with (cocrea needs one since accounts exist). */
const BENCH_ACCOUNT = { email: 'bench@cocrea.test', password: 'contraseña del benchmark' };
const ADMIN_CLI = path.join(REPO, 'apps/server/src/cli/admin.ts');

/** Creates {@link BENCH_ACCOUNT} in the server's data directory, once (the admin CLI, as a person would). */
async function ensureBenchAccount(home: ServerHome): Promise<void> {
  if (home.accountReady) return;
  const cli = spawn(process.execPath, ['--import', 'tsx', ADMIN_CLI, 'create', '--email', BENCH_ACCOUNT.email, '--name', 'Benchmark', '--role', 'facilitator', '--password-stdin'], {
    cwd: REPO,
    env: cleanEnv({ DATA_DIR: home.dataDir, LOG_LEVEL: 'warn', ...home.env }),
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  let err = '';
  cli.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  cli.stdin?.end(`${BENCH_ACCOUNT.password}\n`);
  const code = await new Promise<number | null>((r) => cli.once('exit', r));
  if (code !== 0) throw new Error(`admin create failed (${code}): ${err}`);
  home.accountReady = true;
}

/** JSON over HTTP. */
async function api<T>(base: string, method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ body: T; headers: Headers }> {
  const res = await fetch(base + url, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return { body: (await res.json()) as T, headers: res.headers };
}

const sessions = new WeakMap<RunningServer, Promise<Record<string, string>>>();

/** Signs in as {@link BENCH_ACCOUNT}, once per server: the cookie and CSRF headers of its writes. */
function sessionHeaders(server: RunningServer): Promise<Record<string, string>> {
  let s = sessions.get(server);
  if (!s) {
    s = api<{ csrfToken: string }>(server.httpUrl, 'POST', '/api/auth/sign-in', { email: BENCH_ACCOUNT.email, password: BENCH_ACCOUNT.password }).then(({ body, headers }) => ({
      cookie: headers.getSetCookie().map((c) => c.split(';')[0]).join('; '),
      'x-csrf-token': body.csrfToken,
    }));
    sessions.set(server, s);
  }
  return s;
}

/** cocrea: creates a mesa over REST (as the benchmark's facilitator); returns the name of its tree document. */
export async function createMesa(server: RunningServer, title: string): Promise<{ mesaId: string; docName: string }> {
  const r = await api<{ mesa: { id: string } }>(server.httpUrl, 'POST', '/api/mesas', { title, topic: 'Agua potable', description: 'Baja calidad del agua' }, await sessionHeaders(server));
  return { mesaId: r.body.mesa.id, docName: `mesa:${r.body.mesa.id}:tree` };
}

/** cocrea: joins a mesa over REST; returns the token. */
export async function joinMesa(server: RunningServer, mesaId: string, name: string): Promise<string> {
  const r = await api<{ token: string }>(server.httpUrl, 'POST', `/api/mesas/${mesaId}/join`, { name });
  return r.body.token;
}

/** cocrea: a snapshot of the Prometheus text at `/metrics`. */
export async function scrapeMetrics(server: RunningServer): Promise<string> {
  const res = await fetch(`${server.httpUrl}/metrics`, { headers: { authorization: `Bearer ${BENCH_METRICS_TOKEN}` } });
  return res.text();
}

/**
 * Forces a full garbage collection in a server started with `--inspect` (Chrome DevTools
 * Protocol `HeapProfiler.collectGarbage`), so RSS readings are not at the mercy of when V8
 * last collected. No code of the server is involved.
 */
export async function collectGarbage(server: RunningServer): Promise<void> {
  const url = server.inspector;
  if (!url) throw new Error(`${server.kind}: no inspector`);
  const ws = new WebSocket(url);
  try {
    await within(
      new Promise<void>((resolve, reject) => {
        ws.once('error', reject);
        ws.once('open', () => ws.send(JSON.stringify({ id: 1, method: 'HeapProfiler.collectGarbage' })));
        ws.on('message', (data: Buffer) => {
          if ((JSON.parse(data.toString()) as { id?: number }).id === 1) resolve();
        });
      }),
      30_000,
      'garbage collection',
    );
  } finally {
    ws.close();
  }
}
