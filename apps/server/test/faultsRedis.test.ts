import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startChildServer, type ChildServer } from './childServer';
import { api, connectClient, createDatabase, createMesa, join, tempDataDir, waitFor } from './harness';
import { postgresMissing, redisMissing, startPostgres, startRedis, Teardown } from './services';
import { allSent, missingAndDuplicated, stateVector, storedDocument, tagCounts, Writer } from './writers';

/*
 * Issue 5, fault 2: Redis, which relays edits between instances, is killed and started again
 * (empty, on the same port) while clients on two instances edit one document. The test runs its
 * own Redis and PostgreSQL (services.ts); the machine's shared ones are never touched.
 */

/**
 * How long Redis stays dead: the scenario, not a wait for anything. Longer than ioredis keeps
 * publishes queued for a lost connection (20 reconnect attempts, ~10.5 s), so the instances can
 * only catch up by re-syncing when they reconnect, never by replaying what they queued.
 */
const REDIS_DOWN_MS = 12_000;
/** Clients edit during the first part of the outage, then nobody types until Redis is back. */
const EDITING_WHILE_DOWN_MS = 2_000;
/** Each writer adds a node this often: steady typing. */
const EDIT_INTERVAL_MS = 50;

const missing = redisMissing() ?? postgresMissing();
// CI has the binaries and must run this; a developer without them gets this notice instead.
if (missing && process.env.CI) throw new Error(missing);
if (missing) console.warn(`[skipped] Redis restart test: ${missing}`);

const sleepUntil = (t: number) => new Promise((r) => setTimeout(r, Math.max(0, t - Date.now())));
const health = async (base: string) => (await api<{ pendingWrites: number }>(base, 'GET', '/healthz')).body;

describe.skipIf(missing !== null)('Redis restarted under two instances', () => {
  it('re-syncs both instances by itself, loses no edit and duplicates none', { timeout: 90_000 }, async () => {
    const teardown = new Teardown();
    onTestFinished(() => teardown.run());
    const postgres = teardown.add(await startPostgres(), (p) => p.close());
    const redis = teardown.add(await startRedis(), (r) => r.close());
    const databaseUrl = await createDatabase(postgres.url, 'faults_redis');
    // No compaction while editing: every client update must be one log row, logged exactly once.
    const env = { DATABASE_URL: databaseUrl, REDIS_URL: redis.url, AUTH_SECRET: randomBytes(32).toString('hex'), COMPACT_AFTER_UPDATES: '1000000' };
    const instance = async () => {
      const dataDir = teardown.add(tempDataDir(), (d) => fs.rmSync(d, { recursive: true, force: true }));
      return teardown.add(await startChildServer({ ...env, DATA_DIR: dataDir }), async (s: ChildServer) => {
        s.child.kill('SIGKILL');
        await s.exited;
      });
    };
    const [a, b] = await Promise.all([instance(), instance()]);
    // What an instance printed on stderr, for the message if it dies (without the extension's
    // "failed to publish" notices, one per publish ioredis gave up on while Redis was gone).
    const stderrOf = new Map<ChildServer, string>();
    for (const s of [a, b]) {
      s.child.stderr?.on('data', (d: Buffer) => {
        const kept = d
          .toString()
          .split('\n')
          .filter((l) => l.trim() && !l.includes('failed to publish') && !l.startsWith('    at '));
        if (kept.length) stderrOf.set(s, `${stderrOf.get(s) ?? ''}${kept.join('\n')}\n`.slice(-4000));
      });
    }

    // Two writers on each instance, all on the same tree.
    const mesaId = await createMesa(a.url);
    const writers: Writer[] = [];
    const home = new Map<Writer, ChildServer>();
    let documentName = '';
    for (let w = 0; w < 4; w++) {
      const server = w % 2 === 0 ? a : b;
      const j = await join(server.url, mesaId, `Escritora ${w}`);
      documentName = j.documents.tree;
      const writer = new Writer(`w${w}`, await connectClient(server.url, j.documents.tree, j.token), { id: j.participant.id, name: j.participant.name });
      writers.push(writer);
      home.set(writer, server);
    }
    let disconnected = false;
    const disconnect = async () => {
      if (disconnected) return;
      disconnected = true;
      await Promise.all(writers.map((w) => w.stop()));
      for (const w of writers) w.client.destroy();
    };
    teardown.add(writers, disconnect);

    const db = teardown.add(new pg.Client({ connectionString: databaseUrl }), (c) => c.end());
    db.on('error', () => undefined);
    await db.connect();
    const logRows = async () => (await db.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM document_updates WHERE name = $1', [documentName])).rows[0]?.n ?? 0;
    const rowsBefore = await logRows();
    const converged = () => {
      // An instance that died (say of an unhandled error while Redis was gone) would never converge.
      for (const s of [a, b]) if (s.child.exitCode !== null || s.child.signalCode !== null) throw new Error(`instance ${s.url} exited: ${stderrOf.get(s) ?? ''}`);
      const sent = allSent(writers);
      return writers.every((w) => w.hasAll(sent)) && new Set(writers.map((w) => stateVector(w.client.doc))).size === 1;
    };

    // 1. Relay through Redis works.
    for (const w of writers) w.start(EDIT_INTERVAL_MS);
    await waitFor(() => writers.every((w) => w.saved >= 10 && writers.every((o) => w.seen.has(`${o.name}-0`))), 'edits relayed between instances and saved', 20_000);

    // 2. Redis dies. Each instance still saves its own clients' edits (PostgreSQL is up), but
    // cannot relay them to the other.
    await redis.kill();
    const killedAt = Date.now();
    const sentAtKill = writers.map((w) => w.sent.length);
    await waitFor(() => writers.every((w, k) => w.saved >= (sentAtKill[k] ?? 0) + 10), 'edits saved while Redis is down', 10_000);
    await sleepUntil(killedAt + EDITING_WHILE_DOWN_MS);
    // Everyone stops typing well before Redis is back: whatever follows must come from the
    // instances re-syncing by themselves, not from new edits dragging the missing ones along.
    await Promise.all(writers.map((w) => w.stop()));
    await waitFor(() => writers.every((w) => w.client.tracker.state.isSaved), 'every edit made while Redis was down saved', 10_000);
    await sleepUntil(killedAt + REDIS_DOWN_MS);
    const unseenAcross = writers.reduce((n, w) => {
      const others = writers.filter((o) => home.get(o) !== home.get(w));
      return n + others.reduce((m, o) => m + o.sent.slice(sentAtKill[writers.indexOf(o)]).filter((t) => !w.seen.has(t)).length, 0);
    }, 0);
    // Nothing crossed between instances while Redis was dead.
    expect(unseenAcross).toBeGreaterThan(0);
    const sentWhileDown = allSent(writers).length - sentAtKill.reduce((n, s) => n + s, 0);

    // 3. Redis comes back, empty. Both instances reconnect and exchange what the other missed.
    await redis.start();
    const upAt = Date.now();
    await waitFor(converged, 'every client to converge after Redis is back, with no new edit', 20_000);
    const resyncMs = Date.now() - upAt;

    // 4. Relay goes on as before.
    const resumedAt = writers.map((w) => w.sent.length);
    for (const w of writers) w.start(EDIT_INTERVAL_MS);
    await waitFor(
      () => writers.every((w, k) => w.saved >= (resumedAt[k] ?? 0) + 10 && writers.every((o, j) => w.seen.has(`${o.name}-${resumedAt[j] ?? 0}`))),
      'edits relayed and saved again after the restart',
      20_000,
    );
    await Promise.all(writers.map((w) => w.stop()));
    await waitFor(() => writers.every((w) => w.client.tracker.state.isSaved), 'every writer saved', 15_000);
    await waitFor(converged, 'every client to converge', 15_000);
    await waitFor(async () => (await health(a.url)).pendingWrites === 0 && (await health(b.url)).pendingWrites === 0, 'both logs drained');

    // Every client: every tag exactly once. Storage: the same, and one log row per client edit
    // (each logged by the instance that received it, never by the one it was relayed to).
    const sent = allSent(writers);
    for (const w of writers) {
      expect(w.client.tracker.state.edits).toBe(w.sent.length);
      expect(missingAndDuplicated(tagCounts(w.client.doc), sent)).toEqual({ missing: [], duplicated: [] });
    }
    const rows = (await logRows()) - rowsBefore;
    const stored = tagCounts(await storedDocument(databaseUrl, documentName));
    const { missing: lost, duplicated } = missingAndDuplicated(stored, sent);
    const storedTags = [...stored.keys()].filter((t) => /^w\d+-\d+$/.test(t)).length;
    const saved = writers.reduce((n, w) => n + w.saved, 0);

    process.stdout.write(
      `redis restart test: Redis down ${upAt - killedAt} ms; sent ${sent.length} (${sentWhileDown} while Redis was down, ${unseenAcross} sightings missing across instances before the restart), ` +
        `acknowledged ${saved}, stored ${storedTags} in ${rows} log rows, lost ${lost.length}, duplicated ${duplicated.length}; ` +
        `converged ${resyncMs} ms after Redis was back\n`,
    );
    expect(lost).toEqual([]);
    expect(duplicated).toEqual([]);
    expect(storedTags).toBe(sent.length);
    expect(saved).toBe(sent.length);
    expect(rows).toBe(sent.length);
    await disconnect();
  });
});
