import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import pg from 'pg';
import { waitFor } from './harness';

/*
 * PostgreSQL and Redis servers of a test's own, on free ports, so a fault test can stop and
 * restart them without touching the machine's shared ones (127.0.0.1:5432 and :6379), which other
 * tests and people use at the same time.
 */

const run = promisify(execFile);

/** How long a service gets to start answering or to exit. */
const SERVICE_TIMEOUT_MS = 20_000;

/** `cmd` on the PATH, or null. */
function onPath(cmd: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const p = path.join(dir, cmd);
    if (dir && fs.existsSync(p)) return p;
  }
  return null;
}

/** The folder holding `initdb` and `postgres`: Debian's newest major, else the PATH. */
function postgresBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  const majors = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const major of majors) {
    const dir = path.join(root, major, 'bin');
    if (fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'postgres'))) return dir;
  }
  const initdb = onPath('initdb');
  return initdb && fs.existsSync(path.join(path.dirname(initdb), 'postgres')) ? path.dirname(initdb) : null;
}

/** Why a PostgreSQL server of the test's own cannot be started, or null when it can. */
export function postgresMissing(): string | null {
  if (!postgresBinDir()) return 'PostgreSQL server binaries (initdb, postgres) not found in /usr/lib/postgresql/*/bin or on PATH';
  if (process.getuid?.() === 0 && !systemUser('postgres')) return 'running as root and there is no `postgres` user to run PostgreSQL as';
  return null;
}

/** Why a Redis server of the test's own cannot be started, or null when it can. */
export function redisMissing(): string | null {
  return onPath('redis-server') ? null : 'redis-server not found on PATH';
}

/** uid and gid of a system user, from /etc/passwd. */
function systemUser(name: string): { uid: number; gid: number } | null {
  try {
    for (const line of fs.readFileSync('/etc/passwd', 'utf8').split('\n')) {
      const [user, , uid, gid] = line.split(':');
      if (user === name) return { uid: Number(uid), gid: Number(gid) };
    }
  } catch {
    // no /etc/passwd
  }
  return null;
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Every service process still running, killed if the test process exits without tearing down. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Spawns a service and tracks it until it exits; its output goes to `logFile`. */
function spawnService(cmd: string, args: string[], logFile: string, user?: { uid: number; gid: number }) {
  const log = fs.openSync(logFile, 'a');
  const child = spawn(cmd, args, {
    stdio: ['ignore', log, log],
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C', LC_ALL: 'C' },
    ...(user ?? {}),
  });
  fs.closeSync(log);
  running.add(child);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      running.delete(child);
      resolve();
    });
    child.once('error', () => {
      running.delete(child);
      resolve();
    });
  });
  return { child, exited };
}

/** Sends `signal` and waits for the exit; SIGKILL if it has not exited in time. */
async function stopProcess(p: { child: ChildProcess; exited: Promise<void> }, signal: NodeJS.Signals): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  p.child.kill(signal);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), SERVICE_TIMEOUT_MS)));
  if ((await Promise.race([p.exited, late])) === 'late') {
    p.child.kill('SIGKILL');
    await p.exited;
  }
  clearTimeout(timer);
}

const tail = (file: string): string => {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-15).join('\n');
  } catch {
    return '';
  }
};

/** A PostgreSQL server of the test's own, which the test can stop and start again. */
export interface PostgresServer {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` (trust authentication). */
  readonly url: string;
  readonly port: number;
  /** Whether the postmaster is running. */
  readonly up: boolean;
  /**
   * Stops the server: `fast` (SIGINT: sessions are terminated, clean shutdown) or `immediate`
   * (SIGQUIT: every process quits at once, crash recovery at the next start). Resolves once the
   * postmaster has exited, so from then on nothing can be written.
   */
  stop(mode: 'fast' | 'immediate'): Promise<void>;
  /** Starts it again on the same port and data directory; resolves once it accepts queries. */
  start(): Promise<void>;
  /** Stops it (immediately) and deletes its files; safe to call at any time, more than once. */
  close(): Promise<void>;
}

/**
 * `initdb` in a fresh temp dir and a postmaster on a free port, listening on 127.0.0.1 only,
 * trust authentication. As root, both run as the `postgres` OS user (initdb refuses root).
 */
export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBinDir();
  if (!bin) throw new Error(postgresMissing() ?? 'no PostgreSQL');
  const user = process.getuid?.() === 0 ? (systemUser('postgres') ?? undefined) : undefined;
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'cocrea-pg-'));
  const data = path.join(base, 'data');
  const sockets = path.join(base, 'sock');
  const logFile = path.join(base, 'postgres.log');
  fs.mkdirSync(sockets);
  if (user) for (const p of [base, sockets]) fs.chownSync(p, user.uid, user.gid);
  const port = await freePort();
  try {
    await run(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C', LC_ALL: 'C' },
      ...(user ?? {}),
    });
  } catch (err) {
    fs.rmSync(base, { recursive: true, force: true });
    throw err;
  }
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let proc: ReturnType<typeof spawnService> | null = null;
  let closed = false;

  const start = async (): Promise<void> => {
    if (proc) throw new Error('PostgreSQL is already running');
    const args = ['-D', data, '-p', String(port), '-k', sockets, '-c', 'listen_addresses=127.0.0.1', '-c', 'shared_buffers=16MB', '-c', 'max_connections=50'];
    const p = spawnService(path.join(bin, 'postgres'), args, logFile, user);
    proc = p;
    void p.exited.then(() => {
      if (proc === p) proc = null;
    });
    try {
      await waitFor(
        async () => {
          if (proc !== p) throw new Error('postmaster exited');
          const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
          c.on('error', () => undefined);
          try {
            await c.connect();
            await c.query('SELECT 1');
            return true;
          } finally {
            await c.end().catch(() => undefined);
          }
        },
        `PostgreSQL on port ${port} to accept queries`,
        SERVICE_TIMEOUT_MS,
      );
    } catch (err) {
      throw new Error(`${err instanceof Error ? err.message : String(err)}\n${tail(logFile)}`, { cause: err });
    }
  };

  const stop = async (mode: 'fast' | 'immediate'): Promise<void> => {
    const p = proc;
    if (!p) return;
    await stopProcess(p, mode === 'fast' ? 'SIGINT' : 'SIGQUIT');
    proc = null;
  };

  const server: PostgresServer = {
    url,
    port,
    get up() {
      return proc !== null;
    },
    start,
    stop,
    async close() {
      if (closed) return;
      closed = true;
      await stop('immediate');
      fs.rmSync(base, { recursive: true, force: true });
    },
  };
  try {
    await start();
  } catch (err) {
    await server.close();
    throw err;
  }
  return server;
}

/** A Redis server of the test's own, which the test can kill and start again. */
export interface RedisServer {
  /** `redis://127.0.0.1:<port>`. */
  readonly url: string;
  readonly port: number;
  readonly up: boolean;
  /** SIGKILL (a crash: nothing flushed, every connection dropped); resolves once it has exited. */
  kill(): Promise<void>;
  /** Starts it again, empty, on the same port; resolves once it answers PING. */
  start(): Promise<void>;
  /** Kills it and deletes its files; safe to call at any time, more than once. */
  close(): Promise<void>;
}

/** `redis-server` on a free port of 127.0.0.1, persisting nothing. */
export async function startRedis(): Promise<RedisServer> {
  const bin = onPath('redis-server');
  if (!bin) throw new Error(redisMissing() ?? 'no redis-server');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cocrea-redis-'));
  const logFile = path.join(dir, 'redis.log');
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let proc: ReturnType<typeof spawnService> | null = null;
  let closed = false;

  const start = async (): Promise<void> => {
    if (proc) throw new Error('Redis is already running');
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no'];
    const p = spawnService(bin, args, logFile);
    proc = p;
    void p.exited.then(() => {
      if (proc === p) proc = null;
    });
    try {
      await waitFor(
        async () => {
          if (proc !== p) throw new Error('redis-server exited');
          const r = new Redis(url, { lazyConnect: true, connectTimeout: 1000, maxRetriesPerRequest: 0, retryStrategy: () => null });
          r.on('error', () => undefined);
          try {
            await r.connect();
            return (await r.ping()) === 'PONG';
          } finally {
            r.disconnect();
          }
        },
        `Redis on port ${port} to answer`,
        SERVICE_TIMEOUT_MS,
      );
    } catch (err) {
      throw new Error(`${err instanceof Error ? err.message : String(err)}\n${tail(logFile)}`, { cause: err });
    }
  };

  const kill = async (): Promise<void> => {
    const p = proc;
    if (!p) return;
    await stopProcess(p, 'SIGKILL');
    proc = null;
  };

  const server: RedisServer = {
    url,
    port,
    get up() {
      return proc !== null;
    },
    start,
    kill,
    async close() {
      if (closed) return;
      closed = true;
      await kill();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    await start();
  } catch (err) {
    await server.close();
    throw err;
  }
  return server;
}

/**
 * Clean-up steps run in reverse order of registration, each even if an earlier one failed: hand
 * `run` to `onTestFinished` so a failing test still stops its servers and clients.
 */
export class Teardown {
  private readonly steps: (() => unknown)[] = [];

  /** Registers a step; returns the value given, for inline use. */
  add<T>(value: T, step: (value: T) => unknown): T {
    this.steps.push(() => step(value));
    return value;
  }

  /** Runs every step, last registered first. */
  async run(): Promise<void> {
    const errors: unknown[] = [];
    for (const step of this.steps.splice(0).reverse()) {
      try {
        await step();
      } catch (err) {
        errors.push(err);
      }
    }
    if (errors.length) throw new AggregateError(errors, 'teardown failed');
  }
}
