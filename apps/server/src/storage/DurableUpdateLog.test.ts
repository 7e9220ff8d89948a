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
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

function sqliteStore(): SqliteDocumentStore {
  const db = openDatabase(fs.mkdtempSync(path.join(os.tmpdir(), 'cocrea-unit-')));
  dbs.push(db);
  return new SqliteDocumentStore(db);
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
  async appendUpdates(entries: readonly LogEntry[]) {
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('disk unavailable');
    }
    this.commits++;
    await this.inner.appendUpdates(entries);
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
