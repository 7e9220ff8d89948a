import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createLogger } from '../logger';
import { openDatabase, type Db } from './database';
import type { DocumentStore, LogEntry } from './DocumentStore';
import { DurableUpdateLog } from './DurableUpdateLog';
import { SqliteDocumentStore } from './SqliteDocumentStore';
import { mergeStored } from '../collab/DocumentCompactor';

const log = createLogger('silent');
const opened: { db: Db; store: SqliteDocumentStore }[] = [];
afterEach(async () => {
  for (const { db, store } of opened.splice(0)) {
    await store.close();
    db.close();
  }
});

function sqliteStore(): SqliteDocumentStore {
  const db = openDatabase(fs.mkdtempSync(path.join(os.tmpdir(), 'cocrea-unit-')));
  const store = new SqliteDocumentStore(db);
  opened.push({ db, store });
  return store;
}

/** Counts transactions and can be told to fail: the real SQLite store underneath. */
class CountingStore implements DocumentStore {
  commits = 0;
  failNext = 0;
  constructor(private readonly inner: SqliteDocumentStore) {}
  load(name: string) {
    return this.inner.load(name);
  }
  tailLength(name: string) {
    return this.inner.tailLength(name);
  }
  compact(name: string, merge: Parameters<DocumentStore['compact']>[1]) {
    return this.inner.compact(name, merge);
  }
  lockDocuments(names: readonly string[], commitmentId: string) {
    return this.inner.lockDocuments(names, commitmentId);
  }
  unlockDocuments(commitmentId: string) {
    return this.inner.unlockDocuments(commitmentId);
  }
  lockedDocuments(names: readonly string[]) {
    return this.inner.lockedDocuments(names);
  }
  async appendUpdates(entries: readonly LogEntry[]) {
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('disk unavailable');
    }
    this.commits++;
    return this.inner.appendUpdates(entries);
  }
}

function update(text: string): Uint8Array {
  const d = new Y.Doc();
  d.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(d);
}

describe('DurableUpdateLog', () => {
  it('writes updates appended in the same turn in one transaction', async () => {
    const store = new CountingStore(sqliteStore());
    const dlog = new DurableUpdateLog(store, log);
    await Promise.all(Array.from({ length: 50 }, (_, i) => dlog.append(`doc-${i % 3}`, update(`u${i}`))));
    expect(store.commits).toBe(1);
    expect((await store.load('doc-0')).updates).toHaveLength(17);
  });

  it('retries a failed write, in order, and holds whenDurable until it succeeds', async () => {
    const store = new CountingStore(sqliteStore());
    const dlog = new DurableUpdateLog(store, log);
    store.failNext = 2;
    await dlog.append('doc', update('a'));
    let durable = false;
    const waiting = dlog.whenDurable('doc').then(() => {
      durable = true;
    });
    expect(durable).toBe(false);
    expect(dlog.pendingCount).toBe(1);
    await dlog.append('doc', update('b'));
    await waiting;
    expect(durable).toBe(true);
    const stored = await store.load('doc');
    const merged = new Y.Doc();
    for (const u of stored.updates) Y.applyUpdate(merged, u);
    expect(stored.updates).toHaveLength(2);
    expect(merged.getText('t').length).toBe(2);
    expect(dlog.pendingCount).toBe(0);
  });

  it('refuses updates to a locked document without retrying them, and writes the rest of the batch', async () => {
    const store = new CountingStore(sqliteStore());
    const dlog = new DurableUpdateLog(store, log);
    await store.lockDocuments(['locked'], 'c1');
    const outcomes = await Promise.all([dlog.append('locked', update('a')), dlog.append('open', update('b'))]);
    expect(outcomes).toEqual(['refused', 'written']);
    expect(store.commits).toBe(1);
    expect(dlog.pendingCount).toBe(0);
    await dlog.whenDurable('locked');
    expect((await store.load('locked')).updates).toHaveLength(0);
    await store.unlockDocuments('c1');
    expect(await dlog.append('locked', update('c'))).toBe('written');
  });

  it('drain waits for the batch being written instead of spinning (shutdown never hangs)', async () => {
    const store = new CountingStore(sqliteStore());
    const dlog = new DurableUpdateLog(store, log);
    const written = dlog.append('doc', update('a'));
    // The batch leaves on the next turn; drain is called while it is being written.
    await new Promise((r) => setImmediate(r));
    expect(dlog.pendingCount).toBe(1);
    await dlog.drain();
    expect(await written).toBe('written');
    expect(dlog.pendingCount).toBe(0);
    expect((await store.load('doc')).updates).toHaveLength(1);
  });

  it('whenDurable resolves at once for a document with nothing pending', async () => {
    const dlog = new DurableUpdateLog(sqliteStore(), log);
    await expect(dlog.whenDurable('never-written')).resolves.toBeUndefined();
  });
});

describe('SqliteDocumentStore.compact', () => {
  it('folds snapshot and tail into one snapshot and keeps later updates', async () => {
    const store = sqliteStore();
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    const text = doc.getText('t');
    for (let i = 0; i < 20; i++) text.insert(text.length, `${i},`);
    text.delete(0, 10);
    await store.appendUpdates(updates.map((data) => ({ name: 'd', data })));
    const folded = await store.compact('d', (s) => mergeStored(s));
    expect(folded).toBe(21);
    expect(await store.tailLength('d')).toBe(0);
    text.insert(0, 'new:');
    await store.appendUpdates([{ name: 'd', data: updates[updates.length - 1] as Uint8Array }]);
    const loaded = await store.load('d');
    expect(loaded.updates).toHaveLength(1);
    const back = new Y.Doc();
    Y.applyUpdate(back, loaded.snapshot as Uint8Array);
    for (const u of loaded.updates) Y.applyUpdate(back, u);
    expect(back.getText('t').toJSON()).toBe(text.toJSON());
  });
});

describe('SqliteDocumentStore writer thread', () => {
  it('commits on its own thread: the event loop keeps turning while a write waits for the lock', async () => {
    const store = sqliteStore();
    const { db } = opened[opened.length - 1] as { db: Db };
    // Hold the write lock from the main connection: the writer thread must wait for it (busy
    // timeout) without blocking this thread, and commit as soon as the lock is released.
    db.exec('BEGIN IMMEDIATE');
    let written = false;
    const appended = store.appendUpdates([{ name: 'd', data: update('x') }]).then(() => {
      written = true;
    });
    let turns = 0;
    while (turns < 20) {
      await new Promise((r) => setTimeout(r, 5));
      turns++;
    }
    expect(written).toBe(false);
    db.exec('COMMIT');
    await appended;
    expect((await store.load('d')).updates).toHaveLength(1);
  });

  it('rejects a write the database refuses, and keeps working afterwards', async () => {
    const store = sqliteStore();
    await expect(store.appendUpdates([{ name: null as unknown as string, data: update('x') }])).rejects.toThrow(/NOT NULL/);
    await store.appendUpdates([{ name: 'd', data: update('y') }]);
    expect((await store.load('d')).updates).toHaveLength(1);
  });

  it('folds nothing when the snapshot moved since it was read', async () => {
    const store = sqliteStore();
    const { db } = opened[opened.length - 1] as { db: Db };
    await store.appendUpdates([{ name: 'd', data: update('a') }]);
    const folded = await store.compact('d', (doc) => {
      // Another writer replaces the snapshot between the read and the write.
      db.prepare("INSERT INTO document_snapshots (name, state, last_seq, updated_at) VALUES ('d', ?, 999, 'now')").run(Buffer.from(update('z')));
      return mergeStored(doc);
    });
    expect(folded).toBe(0);
    expect(await store.tailLength('d')).toBe(1);
  });
});

describe('SqliteDocumentStore reads', () => {
  it('never returns an old snapshot without the tail a concurrent compaction folded into the new one', async () => {
    const store = sqliteStore();
    const doc = new Y.Doc();
    const text = doc.getText('t');
    let expected = 0;
    // Compactions commit on the writer thread while this thread keeps loading.
    for (let round = 0; round < 25; round++) {
      const updates: Uint8Array[] = [];
      const collect = (u: Uint8Array) => updates.push(u);
      doc.on('update', collect);
      for (let i = 0; i < 5; i++) text.insert(text.length, 'x');
      doc.off('update', collect);
      expected += 5;
      await store.appendUpdates(updates.map((data) => ({ name: 'd', data })));
      const compacting = store.compact('d', (s) => mergeStored(s));
      let loads = 0;
      let done = false;
      void compacting.then(() => (done = true));
      while (!done || loads < 3) {
        // Many reads back to back (each runs synchronously), so some straddle the commit.
        const batch = Array.from({ length: 200 }, () => store.load('d'));
        for (const loaded of await Promise.all(batch)) {
          const back = new Y.Doc();
          Y.applyUpdate(back, mergeStored(loaded));
          expect(back.getText('t').length).toBe(expected);
        }
        loads++;
        await new Promise((r) => setImmediate(r));
      }
    }
  });
});
