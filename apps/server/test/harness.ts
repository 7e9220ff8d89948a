import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import Database from 'better-sqlite3';
import pg from 'pg';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { SaveTracker } from '@cocrea/collab';
import { hashPassword } from '../src/auth/passwords';
import type { AccountRole } from '../src/auth/principal';
import { loadConfig } from '../src/config';
import { newId } from '../src/ids';
import { createLogger } from '../src/logger';
import { startServer, type CocreaServer } from '../src/server';
import { AccountExistsError, type Account } from '../src/storage/AccessStorage';
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

/**
 * Rate limits no test trips by accident (tests of the limits themselves set their own): every
 * request of a test run comes from 127.0.0.1.
 */
export const TEST_RATE_LIMITS: Record<string, string> = {
  RATE_LIMIT_SIGN_IN: '100000',
  RATE_LIMIT_SIGN_IN_ACCOUNT: '100000',
  RATE_LIMIT_JOIN: '100000',
  RATE_LIMIT_INVITATIONS: '100000',
  WS_CONNECTS_PER_SECOND: '100000',
};

/** The bearer token test servers require on `/metrics`. */
export const TEST_METRICS_TOKEN = 'token-de-metricas-de-pruebas';

/** The Prometheus text of a test server's `/metrics` (read with {@link TEST_METRICS_TOKEN}). */
export async function scrapeMetrics(base: string): Promise<string> {
  const res = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` } });
  if (res.status !== 200) throw new Error(`/metrics: ${res.status}`);
  return res.text();
}

/** A real cocrea server on port 0 with its own data directory (and database, see above), and {@link TEST_ADMIN}. */
export async function startTestServer(dataDir = tempDataDir(), env: Record<string, string> = {}): Promise<CocreaServer & { dataDir: string }> {
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    WEB_DIST: path.join(dataDir, 'no-web'),
    METRICS_TOKEN: TEST_METRICS_TOKEN,
    ...TEST_RATE_LIMITS,
    ...(await databaseFor(dataDir)),
    ...env,
  });
  await seedTestAdmin(config);
  const server = await startServer(config, createLogger(config.LOG_LEVEL));
  return Object.assign(server, { dataDir });
}

/** The password of every account the tests seed. */
export const TEST_PASSWORD = 'contraseña de pruebas 123';

/** The administrator every test server (in-process or child) has before it starts. */
export const TEST_ADMIN = { email: 'admin@cocrea.test', name: 'Admin de pruebas', role: 'admin' as const };

/**
 * Seeded accounts hash {@link TEST_PASSWORD} with cheap scrypt parameters: they travel inside
 * the hash, so sign-in verifies them as it would the production ones, in a millisecond.
 */
const testPasswordHash = hashPassword(TEST_PASSWORD, { ln: 10, r: 8, p: 1 });

/** Creates the account unless one with its email exists; returns it either way. */
export async function ensureAccount(storage: Storage, spec: { email: string; name: string; role: AccountRole }): Promise<Account> {
  const existing = await storage.accounts.byEmail(spec.email);
  if (existing) return existing;
  try {
    return await storage.accounts.create({ id: newId(), ...spec, passwordHash: await testPasswordHash, createdAt: new Date().toISOString() });
  } catch (err) {
    // Another instance starting at the same moment seeded it first.
    if (err instanceof AccountExistsError) return (await storage.accounts.byEmail(spec.email)) as Account;
    throw err;
  }
}

/** Seeds {@link TEST_ADMIN} into the storage `config` names (before the server starts on it). */
export async function seedTestAdmin(config: { DATA_DIR?: string; DATABASE_URL?: string } & Record<string, unknown>): Promise<void> {
  const storage = await openStorage(loadConfig({ DATA_DIR: config.DATA_DIR, ...(config.DATABASE_URL ? { DATABASE_URL: config.DATABASE_URL } : {}) }), createLogger('silent'));
  try {
    await ensureAccount(storage, TEST_ADMIN);
  } finally {
    await storage.close();
  }
}

/** The PostgreSQL database of a test server's data directory, or `undefined` on SQLite. */
export function databaseUrlOf(dataDir: string): string | undefined {
  return databases.get(dataDir);
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

/** An answer of the test server: status, parsed JSON body (or null), headers. */
export interface ApiAnswer<T> {
  status: number;
  body: T;
  headers: Headers;
}

/** JSON over HTTP against the test server; `headers` adds e.g. `authorization`. */
export async function api<T = unknown>(base: string, method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiAnswer<T>> {
  const res = await fetch(base + url, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = text;
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

/** `Authorization: Bearer <token>`, for a participant's requests. */
export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

/** What `POST /api/mesas/:id/join` returns. */
export interface JoinResponse {
  token: string;
  expiresAt: string;
  participant: { id: string; name: string; color: string; organization: string | null; sector: string | null };
  renewal: string;
  documents: { tree: string; annotations: string };
}

/** What `POST /api/mesas/:id/token` returns to an account. */
export interface AccountTokenResponse {
  token: string;
  expiresAt: string;
  principal: { id: string; name: string; color: string; role: AccountRole };
  documents: { tree: string; annotations: string };
}

/**
 * A signed-in account: its cookie and CSRF token, sent with every request as the web app does
 * (the token only on writes).
 */
export class Session {
  constructor(
    readonly base: string,
    readonly account: Account,
    readonly cookie: string,
    readonly csrfToken: string,
  ) {}

  /** JSON over HTTP as this account. */
  api<T = unknown>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiAnswer<T>> {
    const csrf: Record<string, string> = method === 'GET' || method === 'HEAD' ? {} : { 'x-csrf-token': this.csrfToken };
    return api<T>(this.base, method, url, body, { cookie: this.cookie, ...csrf, ...headers });
  }

  /** A collaboration token for this account on `mesaId` (throws unless 200). */
  async token(mesaId: string): Promise<AccountTokenResponse> {
    const r = await this.api<AccountTokenResponse>('POST', `/api/mesas/${mesaId}/token`);
    if (r.status !== 200) throw new Error(`token for ${this.account.role}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }
}

/** The `name=value` of a Set-Cookie answer, for the next requests' `Cookie`. */
export function cookieFrom(headers: Headers): string {
  const set = headers.getSetCookie().find((c) => c.startsWith('cocrea_session='));
  if (!set) throw new Error('no session cookie was set');
  return set.split(';')[0] as string;
}

/** Signs in over REST. */
export async function signIn(base: string, email: string, password = TEST_PASSWORD): Promise<Session> {
  const r = await api<{ account: Account; csrfToken: string }>(base, 'POST', '/api/auth/sign-in', { email, password });
  if (r.status !== 200) throw new Error(`sign-in ${email}: ${r.status} ${JSON.stringify(r.body)}`);
  return new Session(base, r.body.account, cookieFrom(r.headers), r.body.csrfToken);
}

const admins = new Map<string, Promise<Session>>();

/** {@link TEST_ADMIN}'s session on the server at `base`, signed in once and reused. */
export function adminOf(base: string): Promise<Session> {
  let s = admins.get(base);
  if (!s) {
    s = signIn(base, TEST_ADMIN.email);
    s.catch(() => admins.delete(base));
    admins.set(base, s);
  }
  return s;
}

let seeded = 0;

/**
 * A new account with `role`, created directly in the server's storage (an expert also becomes
 * a member of `mesaIds`), then signed in over REST.
 */
export async function signedIn(server: { url: string; dataDir: string }, role: AccountRole, opts: { name?: string; mesaIds?: readonly string[] } = {}): Promise<Session> {
  const email = `${role}-${++seeded}-${newId(6).toLowerCase()}@cocrea.test`;
  const storage = await storageOf(server.dataDir);
  try {
    const account = await ensureAccount(storage, { email, name: opts.name ?? `${role} ${seeded}`, role });
    for (const m of opts.mesaIds ?? []) await storage.members.add(m, account.id, new Date().toISOString());
  } finally {
    await storage.close();
  }
  return signIn(server.url, email);
}

/** Creates a mesa over REST (as the server's {@link TEST_ADMIN}) and returns its id. */
export async function createMesa(base: string, title = 'Mesa de prueba'): Promise<string> {
  const admin = await adminOf(base);
  const r = await admin.api<{ mesa: { id: string } }>('POST', '/api/mesas', { title, topic: 'Agua potable', description: 'Baja calidad del agua' });
  if (r.status !== 201) throw new Error(`create mesa: ${r.status}`);
  return r.body.mesa.id;
}

/** Joins a mesa over REST as a participant. */
export async function join(base: string, mesaId: string, name: string, extra: Record<string, unknown> = {}): Promise<JoinResponse> {
  const r = await api<JoinResponse>(base, 'POST', `/api/mesas/${mesaId}/join`, { name, ...extra });
  if (r.status !== 200) throw new Error(`join: ${r.status} ${JSON.stringify(r.body)}`);
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
