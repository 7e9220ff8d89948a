import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CommitmentVersion } from '@cocrea/domain';
import { roadmapText } from '@cocrea/collab';
import { startChildServer, type ChildServer } from './childServer';
import { feasibleReview, fillRoadmap } from './roadmapFixture';
import { adminOf, api, connectClient, createDatabase, createMesa, dropDatabase, join, tempDataDir, waitFor } from './harness';

/*
 * Hole 9: finalize on instance A while a participant on instance B keeps typing. B's instance
 * used to flip the participant between `locked` and `unlocked` (it re-read the lock from the
 * commitment, which a finalize updates last), and a flush covering refused writes could be
 * answered "saved". Twenty races in a row: lock state only moves forward, and "saved" is true.
 */

const pgBase = process.env.COCREA_TEST_POSTGRES ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const redisUrl = process.env.COCREA_TEST_REDIS ?? 'redis://127.0.0.1:6379';
const RUNS = 20;
/** Keystrokes Beto makes after he is first told the roadmap is locked: the flip came with them. */
const TYPED_AFTER_LOCK = 30;

async function unreachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: pgBase, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (err) {
    return `PostgreSQL is not reachable at ${pgBase} (${err instanceof Error ? err.message : String(err)})`;
  } finally {
    await client.end().catch(() => undefined);
  }
  const redis = new Redis(redisUrl, { lazyConnect: true, connectTimeout: 5000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    return null;
  } catch (err) {
    return `Redis is not reachable at ${redisUrl} (${err instanceof Error ? err.message : String(err)})`;
  } finally {
    redis.disconnect();
  }
}

const missing = await unreachable();
if (missing && process.env.CI) throw new Error(missing);
if (missing) console.warn(`[skipped] finalize race tests: ${missing}`);

const children: ChildServer[] = [];
let databaseUrl: string | undefined;
afterAll(async () => {
  for (const c of children) c.child.kill('SIGKILL');
  await Promise.all(children.map((c) => c.exited));
  if (databaseUrl) await dropDatabase(databaseUrl);
});

/** The stored roadmap (snapshot + log) read straight from PostgreSQL. */
async function storedContact(db: pg.Client, name: string): Promise<string> {
  const { rows } = await db.query<{ data: Buffer }>(
    'SELECT state AS data FROM document_snapshots WHERE name = $1 UNION ALL SELECT data FROM document_updates WHERE name = $1',
    [name],
  );
  const doc = new Y.Doc();
  for (const r of rows) Y.applyUpdate(doc, new Uint8Array(r.data));
  return roadmapText(doc, 'coContact')?.toJSON() ?? '';
}

describe.skipIf(missing !== null)('finalizing on one instance while a participant types on another', () => {
  it(`never unlocks without a reopen and never calls a refused edit saved (${RUNS} races)`, { timeout: 120_000 }, async () => {
    databaseUrl = await createDatabase(pgBase, `race_${randomBytes(5).toString('hex')}`);
    const env = { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, AUTH_SECRET: randomBytes(32).toString('hex') };
    const [a, b] = await Promise.all([startChildServer({ ...env, DATA_DIR: tempDataDir() }), startChildServer({ ...env, DATA_DIR: tempDataDir() })]);
    children.push(a, b);
    const db = new pg.Client({ connectionString: databaseUrl });
    db.on('error', () => undefined);
    await db.connect();
    const ana = await adminOf(a.url);
    const problems: string[] = [];
    let lockMessages = 0;

    try {
      for (let run = 0; run < RUNS; run++) {
        const mesaId = await createMesa(a.url, `Carrera ${run}`);
        const created = await ana.api<{ commitment: { id: string }; documents: { roadmap: string } }>('POST', `/api/mesas/${mesaId}/commitments`, { title: 'Compromiso' });
        const id = created.body.commitment.id;
        const roadmapName = created.body.documents.roadmap;
        expect((await ana.api('POST', `/api/commitments/${id}/review`, feasibleReview)).status).toBe(200);
        expect((await ana.api('POST', `/api/commitments/${id}/definitive`)).status).toBe(200);
        const writer = await connectClient(a.url, roadmapName, (await ana.token(mesaId)).token);
        fillRoadmap(writer.doc);
        await waitFor(() => writer.tracker.state.isSaved, 'roadmap saved');

        const beto = await join(b.url, mesaId, 'Beto');
        const typist = await connectClient(b.url, roadmapName, beto.token);
        const told: string[] = [];
        typist.provider.on('stateless', ({ payload }: { payload: string }) => {
          const type = (JSON.parse(payload) as { type: string }).type;
          if (type === 'locked' || type === 'unlocked') told.push(type);
        });
        // Each keystroke a unique token: edit k (the tracker's k-th local edit) is `<k-1>`.
        const contact = roadmapText(typist.doc, 'coContact') as Y.Text;
        let typed = 0;
        let typedAtLock: number | null = null;
        const typing = (async () => {
          while (typedAtLock === null || typed < typedAtLock + TYPED_AFTER_LOCK) {
            if (typedAtLock === null && told.length > 0) typedAtLock = typed;
            contact.insert(contact.length, `<${typed++}>`);
            await new Promise((r) => setTimeout(r, 1));
            if (typed > 300) break;
          }
        })();
        await waitFor(() => (roadmapText(writer.doc, 'coContact')?.length ?? 0) > 0, "Beto's typing to reach instance A");
        const fin = await ana.api<{ version: CommitmentVersion }>('POST', `/api/commitments/${id}/finalize`);
        expect(fin.status).toBe(201);
        await typing;
        await waitFor(() => typist.tracker.state.refused, 'Beto told his last edits were refused');
        const settled = async () =>
          (await api<{ pendingWrites: number }>(a.url, 'GET', '/healthz')).body.pendingWrites === 0 &&
          (await api<{ pendingWrites: number }>(b.url, 'GET', '/healthz')).body.pendingWrites === 0;
        await waitFor(settled, 'both logs drained');

        const version = fin.body.version.content.roadmap.coResponsible.contact;
        const stored = await storedContact(db, roadmapName);
        const saved = typist.tracker.state.saved;
        const savedMissing = Array.from({ length: saved }, (_, k) => `<${k}>`).filter((t) => !version.includes(t));
        lockMessages += told.filter((t) => t === 'locked').length;
        if (told.includes('unlocked')) problems.push(`run ${run}: Beto told ${told.join(', ')} with no reopen`);
        if (savedMissing.length > 0) problems.push(`run ${run}: ${savedMissing.length} edits answered "saved" are not in the version (${savedMissing.join(' ')})`);
        if (stored !== version) problems.push(`run ${run}: the stored roadmap differs from the version`);
        writer.destroy();
        typist.destroy();
      }
    } finally {
      await db.end();
    }
    process.stdout.write(`finalize race test: ${RUNS} runs, ${lockMessages} locked messages to the typist, problems ${problems.length}\n`);
    expect(problems).toEqual([]);
  });
});
