import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import * as Y from 'yjs';
import { PROBLEM_NODE_ID } from '@cocrea/domain';
import type { CommitmentVersion } from '@cocrea/domain';
import { addNode, readRoadmap, readTree, roadmapText, treeNodes } from '@cocrea/collab';
import { startChildServer, type ChildServer } from './childServer';
import { feasibleReview, fillRoadmap } from './roadmapFixture';
import { adminOf, api, connectClient, createDatabase, createMesa, dropDatabase, join, tempDataDir, waitFor, type TestClient } from './harness';

/*
 * Several cocrea instances on one PostgreSQL database and one Redis, as real processes. Clients
 * are given the list of instances and open each new connection on the next one: what they get
 * behind a round-robin proxy without sticky sessions (docker/compose.yaml runs Caddy that way).
 */

const pgBase = process.env.COCREA_TEST_POSTGRES ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const redisUrl = process.env.COCREA_TEST_REDIS ?? 'redis://127.0.0.1:6379';

/** Why PostgreSQL or Redis cannot be used, or null when both answer; decided before declaring. */
async function probe(): Promise<string | null> {
  const client = new pg.Client({ connectionString: pgBase, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (err) {
    return `PostgreSQL is not reachable at ${pgBase} (${err instanceof Error ? err.message : String(err)}); set COCREA_TEST_POSTGRES`;
  } finally {
    await client.end().catch(() => undefined);
  }
  const redis = new Redis(redisUrl, { lazyConnect: true, connectTimeout: 5000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  let cause = '';
  redis.on('error', (err: Error) => (cause = err.message));
  try {
    await redis.connect();
    await redis.ping();
    return null;
  } catch (err) {
    return `Redis is not reachable at ${redisUrl} (${cause || (err instanceof Error ? err.message : String(err))}); set COCREA_TEST_REDIS`;
  } finally {
    redis.disconnect();
  }
}

const unreachable = await probe();
// CI must prove several instances; a developer without the services gets this notice instead.
if (unreachable && process.env.CI) throw new Error(unreachable);
if (unreachable) console.warn(`[skipped] multi-instance tests: ${unreachable}`);

const children: ChildServer[] = [];
const databases: string[] = [];
afterAll(async () => {
  for (const c of children) c.child.kill('SIGKILL');
  await Promise.all(children.map((c) => c.exited));
  for (const url of databases) await dropDatabase(url);
});

/** A fresh database and the environment every instance of one test shares. */
async function cluster(extra: Record<string, string> = {}): Promise<Record<string, string>> {
  const url = await createDatabase(pgBase, `multi_${randomBytes(5).toString('hex')}`);
  databases.push(url);
  return { DATABASE_URL: url, REDIS_URL: redisUrl, AUTH_SECRET: randomBytes(32).toString('hex'), ...extra };
}

async function instance(env: Record<string, string>): Promise<ChildServer> {
  const c = await startChildServer({ ...env, DATA_DIR: tempDataDir() });
  children.push(c);
  return c;
}

const textsOf = (doc: Y.Doc): Set<string> => new Set(readTree(doc).nodes.map((n) => n.text));
const stateVector = (doc: Y.Doc): string => Buffer.from(Y.encodeStateVector(doc)).toString('base64');
const health = async (base: string) => (await api<{ instance: string; pendingWrites: number }>(base, 'GET', '/healthz')).body;

describe.skipIf(unreachable !== null)('several instances on one PostgreSQL and one Redis', () => {
  it('relays edits between instances and logs each exactly once', async () => {
    const env = await cluster({ COMPACT_AFTER_UPDATES: '1000000' });
    const [a, b] = await Promise.all([instance(env), instance(env)]);
    const [ha, hb] = await Promise.all([health(a.url), health(b.url)]);
    expect(ha.instance).toBeTruthy();
    expect(ha.instance).not.toBe(hb.instance);

    const mesaId = await createMesa(a.url);
    const ja = await join(a.url, mesaId, 'Ana');
    const jb = await join(b.url, mesaId, 'Beto');
    const onA = await connectClient(a.url, ja.documents.tree, ja.token);
    const onB = await connectClient(b.url, jb.documents.tree, jb.token);
    const db = new pg.Client({ connectionString: env.DATABASE_URL });
    db.on('error', () => undefined);
    await db.connect();
    onTestFinished(async () => {
      onA.destroy();
      onB.destroy();
      await db.end();
    });
    const rows = async () =>
      (await db.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM document_updates WHERE name = $1', [ja.documents.tree])).rows[0]?.n ?? 0;
    const settled = async () => (await health(a.url)).pendingWrites === 0 && (await health(b.url)).pendingWrites === 0;
    await waitFor(settled, 'both logs drained');
    const before = await rows();

    for (let i = 0; i < 20; i++) {
      addNode(onA.doc, { parentId: PROBLEM_NODE_ID, kind: 'cause', text: `a${i}`, author: { id: ja.participant.id, name: 'Ana' } });
      addNode(onB.doc, { parentId: PROBLEM_NODE_ID, kind: 'effect', text: `b${i}`, author: { id: jb.participant.id, name: 'Beto' } });
    }
    await waitFor(() => [onA, onB].every((c) => treeNodes(c.doc).size === 41 && c.tracker.state.isSaved), 'both clients to see all 40 edits, saved');
    expect(textsOf(onA.doc)).toEqual(textsOf(onB.doc));
    await waitFor(settled, 'both logs drained');
    // 40 client updates, each logged by the instance that received it; the relayed copies never.
    expect((await rows()) - before).toBe(40);
  });

  it('finalizing on one instance freezes the documents for writers on the other', { timeout: 120_000 }, async () => {
    const env = await cluster();
    const [a, b] = await Promise.all([instance(env), instance(env)]);
    const mesaId = await createMesa(a.url);
    // Ana runs the mesa: reviewing and finalizing are a facilitator's (here the test administrator's).
    const ana = await adminOf(a.url);
    const anaToken = (await ana.token(mesaId)).token;
    const call = <T>(method: string, url: string, body?: unknown) => ana.api<T>(method, url, body);
    const created = await call<{ commitment: { id: string }; documents: { roadmap: string } }>('POST', `/api/mesas/${mesaId}/commitments`, { title: 'Compromiso' });
    expect(created.status).toBe(201);
    const id = created.body.commitment.id;
    const roadmapName = created.body.documents.roadmap;
    expect((await call('POST', `/api/commitments/${id}/review`, feasibleReview)).status).toBe(200);
    expect((await call('POST', `/api/commitments/${id}/definitive`)).status).toBe(200);
    const writer = await connectClient(a.url, roadmapName, anaToken);
    fillRoadmap(writer.doc);
    await waitFor(() => writer.tracker.state.isSaved, 'roadmap saved');

    // Beto, on the other instance, types without pause while Ana finalizes on hers.
    const beto = await join(b.url, mesaId, 'Beto');
    const typist = await connectClient(b.url, roadmapName, beto.token);
    onTestFinished(() => {
      writer.destroy();
      typist.destroy();
    });
    const notes = roadmapText(typist.doc, 'coContact') as Y.Text;
    let typing = true;
    const typed = (async () => {
      for (let i = 0; typing && i < 20_000; i++) {
        notes.insert(notes.length, String(i % 10));
        await new Promise((r) => setTimeout(r, 1));
      }
    })();
    await waitFor(() => readRoadmap(writer.doc).coResponsible.contact.length > 20, "Beto's typing to reach instance A");
    const fin = await call<{ version: CommitmentVersion }>('POST', `/api/commitments/${id}/finalize`);
    expect(fin.status).toBe(201);
    // Beto's instance heard of the lock (Redis) or the store refused his next update.
    await waitFor(() => typist.tracker.state.refused, 'Beto told the roadmap is read-only');
    typing = false;
    await typed;
    const settled = async () => (await health(a.url)).pendingWrites === 0 && (await health(b.url)).pendingWrites === 0;
    await waitFor(settled, 'both logs drained');

    // The stored document is exactly the version: nothing Beto typed after the freeze was kept.
    const contact = fin.body.version.content.roadmap.coResponsible.contact;
    expect(contact.length).toBeGreaterThan(20);
    for (const base of [a.url, b.url]) {
      const reader = await connectClient(base, roadmapName, (await join(base, mesaId, 'Lectora')).token);
      expect(readRoadmap(reader.doc).coResponsible.contact).toBe(contact);
      expect(reader.provider.authorizedScope).toBe('readonly');
      reader.destroy();
    }
    const db = new pg.Client({ connectionString: env.DATABASE_URL });
    await db.connect();
    try {
      const { rows } = await db.query<{ data: Buffer; kind: number }>(
        'SELECT 0 AS kind, state AS data FROM document_snapshots WHERE name = $1 UNION ALL SELECT 1, data FROM document_updates WHERE name = $1',
        [roadmapName],
      );
      const stored = new Y.Doc();
      for (const r of rows) Y.applyUpdate(stored, new Uint8Array(r.data));
      expect(readRoadmap(stored).coResponsible.contact).toBe(contact);
    } finally {
      await db.end();
    }
  });

  it('loses no saved edit when an instance is killed with SIGKILL mid-stream', { timeout: 180_000 }, async () => {
    const env = await cluster({ COMPACT_AFTER_UPDATES: '50' });
    const [a, b] = await Promise.all([instance(env), instance(env)]);
    const mesaId = await createMesa(a.url);

    // Two writers on each instance, all on the same tree.
    interface Writer {
      name: string;
      onA: boolean;
      client: TestClient;
      author: { id: string; name: string };
      sent: string[];
      saved: Set<string>;
    }
    const writers: Writer[] = [];
    for (let w = 0; w < 4; w++) {
      const onA = w % 2 === 0;
      const home = onA ? a : b;
      const j = await join(home.url, mesaId, `Escritora ${w}`);
      const client = await connectClient(onA ? [a.url, b.url] : [b.url, a.url], j.documents.tree, j.token);
      writers.push({ name: `w${w}`, onA, client, author: { id: j.participant.id, name: j.participant.name }, sent: [], saved: new Set() });
    }

    // Each writer adds nodes as fast as the event loop allows; an edit counts as saved once its
    // tracker's saved counter has passed it (its instance said everything up to there is durable).
    let stop = false;
    const loops = writers.map(async (wr) => {
      wr.client.tracker.subscribe((s) => {
        for (let k = 0; k < s.saved && k < wr.sent.length; k++) wr.saved.add(wr.sent[k] as string);
      });
      let i = 0;
      while (!stop) {
        const text = `${wr.name}-e${i++}`;
        wr.sent.push(text);
        addNode(wr.client.doc, { parentId: PROBLEM_NODE_ID, kind: i % 2 ? 'cause' : 'effect', text, author: wr.author });
        await new Promise((r) => setTimeout(r, 2));
      }
    });
    const savedCount = (ws: readonly Writer[]) => ws.reduce((n, w) => n + w.saved.size, 0);
    const onA = writers.filter((w) => w.onA);
    const onB = writers.filter((w) => !w.onA);

    // Relay: every client sees the other instance's writers.
    await waitFor(
      () => writers.every((wr) => writers.every((other) => textsOf(wr.client.doc).has(`${other.name}-e0`))),
      "every client to see every writer's edits",
    );
    // Kill A mid-stream: plenty saved on both instances, edits still flowing.
    await waitFor(() => savedCount(onA) >= 150 && savedCount(onB) >= 150, '150 saved edits on each instance', 60_000);
    a.child.kill('SIGKILL');
    await a.exited;
    const sentAtKill = onA.map((w) => w.sent.length);
    const savedOnABeforeKill = savedCount(onA);
    const unsavedAtKill = sentAtKill.reduce((n, s) => n + s, 0) - savedOnABeforeKill;

    // A's clients reconnect to B (next server in their list) and keep editing there.
    await waitFor(() => onA.every((w, k) => w.client.tracker.state.saved > (sentAtKill[k] ?? 0) + 20), "A's clients saving new edits through B", 60_000);
    stop = true;
    await Promise.all(loops);
    await waitFor(() => writers.every((w) => w.client.tracker.state.isSaved), 'every writer saved', 60_000);

    // Convergence: identical state vectors and trees everywhere.
    await waitFor(() => new Set(writers.map((w) => stateVector(w.client.doc))).size === 1, 'identical state vectors', 30_000);
    const tree = JSON.stringify(readTree((writers[0] as Writer).client.doc));
    for (const w of writers) expect(JSON.stringify(readTree(w.client.doc))).toBe(tree);

    const sent = writers.reduce((n, w) => n + w.sent.length, 0);
    const saved = new Set(writers.flatMap((w) => [...w.saved]));

    // A fresh client on B sees every saved edit…
    const jb = await join(b.url, mesaId, 'Revisora');
    const readerB = await connectClient(b.url, jb.documents.tree, jb.token);
    const presentB = textsOf(readerB.doc);
    const lostB = [...saved].filter((t) => !presentB.has(t));
    readerB.destroy();
    for (const w of writers) w.client.destroy();

    // …and so does a fresh instance C on the same database once B has stopped.
    b.child.kill('SIGTERM');
    expect(await b.exited).toBe(0);
    const c = await instance(env);
    const jc = await join(c.url, mesaId, 'Auditora');
    const readerC = await connectClient(c.url, jc.documents.tree, jc.token);
    const presentC = textsOf(readerC.doc);
    const lostC = [...saved].filter((t) => !presentC.has(t));
    expect(stateVector(readerC.doc)).toBe(stateVector((writers[0] as Writer).client.doc));
    readerC.destroy();
    c.child.kill('SIGTERM');
    await c.exited;

    process.stdout.write(
      `multi-instance test: sent ${sent}, saved ${saved.size} (${savedOnABeforeKill} by A's clients before A was killed, ` +
        `${unsavedAtKill} of theirs not yet saved at the kill), ` +
        `present on B ${presentB.size - 1}, present on C ${presentC.size - 1}, lost ${lostB.length + lostC.length}\n`,
    );
    expect(lostB).toEqual([]);
    expect(lostC).toEqual([]);
    // Every client survived, so every edit it made ended up saved somewhere.
    expect(saved.size).toBe(sent);
    expect(savedOnABeforeKill).toBeGreaterThanOrEqual(150);
  });
});
