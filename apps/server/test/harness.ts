import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import Database from 'better-sqlite3';
import pg from 'pg';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { SaveTracker } from '@cocrea/collab';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { startServer, type CocreaServer } from '../src/server';
import { openStorage } from '../src/storage/openStorage';
import type { Storage } from '../src/storage/Storage';

/** A fresh data directory under the OS temp dir. */
export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'cocrea-test-'));
}

const databases = new Map<string, string>();

/**
 * Creates a fresh, empty PostgreSQL database named `cocrea_t_<label>` on the server `base` points
 * at (any database of it) and returns its URL. The `cocrea_t_` ones are dropped by the global
 * teardown of a `COCREA_TEST_POSTGRES` run, or by {@link dropDatabase}.
 */
export async function createDatabase(base: string, label: string): Promise<string> {
  const name = `cocrea_t_${label.replace(/\W/g, '_').toLowerCase()}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Drops a database made by {@link createDatabase}, closing any connection still on it. */
export async function dropDatabase(url: string): Promise<void> {
  const u = new URL(url);
  const name = u.pathname.slice(1);
  if (!/^cocrea_t_\w+$/.test(name)) throw new Error(`refusing to drop ${name}: not a test database`);
  u.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: u.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/**
 * With `COCREA_TEST_POSTGRES` (a server URL such as `postgres://postgres@127.0.0.1:5432/test`),
 * each data directory gets a fresh PostgreSQL database, so the same integration tests prove the
 * app on PostgreSQL; without it they run on SQLite.
 */
async function databaseFor(dataDir: string): Promise<Record<string, string>> {
  const base = process.env.COCREA_TEST_POSTGRES;
  if (!base) return {};
  let url = databases.get(dataDir);
  if (!url) {
    url = await createDatabase(base, path.basename(dataDir));
    databases.set(dataDir, url);
  }
  return { DATABASE_URL: url };
}

/** A real cocrea server on port 0 with its own data directory (and database, see above). */
export async function startTestServer(dataDir = tempDataDir(), env: Record<string, string> = {}): Promise<CocreaServer & { dataDir: string }> {
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    WEB_DIST: path.join(dataDir, 'no-web'),
    ...(await databaseFor(dataDir)),
    ...env,
  });
  const server = await startServer(config, createLogger(config.LOG_LEVEL));
  return Object.assign(server, { dataDir });
}

/** A second handle on a test server's storage (same backend and database as the server). */
export async function storageOf(dataDir: string): Promise<Storage> {
  const config = loadConfig({ DATA_DIR: dataDir, ...(await databaseFor(dataDir)) });
  return openStorage(config, createLogger('silent'));
}

/** Runs raw SQL on a test server's database, whichever backend it uses. */
export async function rawSql(dataDir: string, sql: string): Promise<void> {
  const url = databases.get(dataDir);
  if (url) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
    return;
  }
  const db = new Database(path.join(dataDir, 'cocrea.sqlite'));
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}

/** Polls `check` until it returns truthy (a condition, never a fixed sleep). */
export async function waitFor<T>(check: () => T | Promise<T>, what: string, timeoutMs = 15_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    try {
      const v = await check();
      if (v) return v;
    } catch (err) {
      last = err instanceof Error ? `: ${err.message}` : '';
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** JSON over HTTP against the test server. */
export async function api<T = unknown>(base: string, method: string, url: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(base + url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

/** What `POST /api/mesas/:id/join` returns. */
export interface JoinResponse {
  token: string;
  expiresAt: string;
  participant: { id: string; name: string; color: string };
  documents: { tree: string };
}

/** Creates a mesa over REST and returns its id. */
export async function createMesa(base: string, title = 'Mesa de prueba'): Promise<string> {
  const r = await api<{ mesa: { id: string } }>(base, 'POST', '/api/mesas', { title, topic: 'Agua potable', description: 'Baja calidad del agua' });
  if (r.status !== 201) throw new Error(`create mesa: ${r.status}`);
  return r.body.mesa.id;
}

/** Joins a mesa over REST. */
export async function join(base: string, mesaId: string, name: string): Promise<JoinResponse> {
  const r = await api<JoinResponse>(base, 'POST', `/api/mesas/${mesaId}/join`, { name });
  if (r.status !== 200) throw new Error(`join: ${r.status}`);
  return r.body;
}

/** A real `@hocuspocus/provider` client with its save tracker. */
export interface TestClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  tracker: SaveTracker;
  destroy(): void;
}

/**
 * A `ws` WebSocket that ignores the URL it is given and opens each new connection on the next
 * server of `bases` in turn: what a client sees behind a round-robin proxy without sticky
 * sessions. A dead server refuses the attempt and the provider's back-off retries on the next.
 */
function roundRobinWebSocket(bases: readonly string[]) {
  const urls = bases.map((b) => `${b.replace('http', 'ws')}/collab`);
  let next = 0;
  return class RoundRobinWebSocket extends WebSocket {
    constructor(_url: string | URL, protocols?: string | string[]) {
      super(urls[next++ % urls.length] as string, protocols);
    }
  };
}

/**
 * Connects a provider to `documentName` and resolves once it has synced. With a list of servers,
 * the first connection goes to the first one and each reconnection to the next (see
 * {@link roundRobinWebSocket}).
 */
export async function connectClient(base: string | readonly string[], documentName: string, token: string | (() => Promise<string>)): Promise<TestClient> {
  const doc = new Y.Doc();
  const bases = typeof base === 'string' ? [base] : base;
  const socket = new HocuspocusProviderWebsocket({
    url: `${(bases[0] ?? '').replace('http', 'ws')}/collab`,
    WebSocketPolyfill: bases.length > 1 ? roundRobinWebSocket(bases) : WebSocket,
    delay: 50,
    minDelay: 50,
    maxDelay: 500,
  });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: documentName, document: doc, token });
  provider.attach();
  const tracker = new SaveTracker(doc, provider);
  await waitFor(() => provider.synced, `${documentName} to sync`);
  return {
    doc,
    provider,
    tracker,
    destroy() {
      tracker.destroy();
      provider.destroy();
      socket.destroy();
      doc.destroy();
    },
  };
}
