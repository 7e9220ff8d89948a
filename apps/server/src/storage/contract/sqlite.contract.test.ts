import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../database';
import { openSqliteStorage, SqliteStorage } from '../sqlite/SqliteStorage';
import { describeStorageContract, type ContractStorage } from './storageContract';
import { mesaInput, valueUpdate } from './fixtures';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cocrea-contract-'));
let opened = 0;
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describeStorageContract('sqlite', () => {
  const db = openDatabase(path.join(root, `db-${opened++}`), 'NORMAL');
  const storage: ContractStorage = new SqliteStorage(db);
  storage.rawExec = (sql) => {
    try {
      db.exec(sql);
      return Promise.resolve();
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
  };
  return Promise.resolve(storage);
});

describe('openSqliteStorage', () => {
  it('keeps what was written across close and reopen', async () => {
    const dir = path.join(root, 'reopen');
    const first = await openSqliteStorage(dir, 'FULL');
    expect(first.kind).toBe('sqlite');
    await first.mesas.create('mesaAgua01', mesaInput(), '2026-11-01T10:00:00.000Z', new Map([['doc', valueUpdate(1)]]));
    await first.documents.appendUpdates([{ name: 'doc', data: valueUpdate(2) }]);
    await first.close();
    await first.close();
    const second = await openSqliteStorage(dir);
    expect((await second.mesas.get('mesaAgua01'))?.title).toBe(mesaInput().title);
    expect(await second.documents.load('doc')).toEqual({ snapshot: valueUpdate(1), updates: [valueUpdate(2)] });
    await second.close();
  });
});
