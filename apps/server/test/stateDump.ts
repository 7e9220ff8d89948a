import path from 'node:path';
import type { Hocuspocus } from '@hocuspocus/server';
import Database from 'better-sqlite3';
import pg from 'pg';
import * as Y from 'yjs';
import { databaseUrlOf } from './harness';

/**
 * Everything a server holds, deterministically: every row of every table (in rowid order on
 * SQLite, sorted by their text on PostgreSQL; blobs as hex) and the state of every document it
 * has loaded. Two dumps are equal exactly when nothing was stored or changed in between.
 */
export type StateDump = Record<string, string[]>;

const cell = (v: unknown): unknown => (Buffer.isBuffer(v) ? `x'${v.toString('hex')}'` : v);

function dumpSqlite(file: string): StateDump {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
    const out: StateDump = {};
    for (const { name } of tables) {
      const rows = db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all() as Record<string, unknown>[];
      out[name] = rows.map((r) => JSON.stringify(Object.entries(r).map(([k, v]) => [k, cell(v)])));
    }
    return out;
  } finally {
    db.close();
  }
}

async function dumpPostgres(url: string): Promise<StateDump> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name",
    );
    const out: StateDump = {};
    for (const { table_name: name } of tables) {
      const { rows } = await client.query<{ row: string }>(`SELECT t::text AS row FROM "${name}" t ORDER BY 1`);
      out[name] = rows.map((r) => r.row);
    }
    return out;
  } finally {
    await client.end();
  }
}

/** A dump of a test server's database and of the documents it has loaded. */
export async function dumpState(server: { dataDir: string; hocuspocus: Hocuspocus }): Promise<StateDump> {
  const url = databaseUrlOf(server.dataDir);
  const out = url ? await dumpPostgres(url) : dumpSqlite(path.join(server.dataDir, 'cocrea.sqlite'));
  out['(loaded documents)'] = [...server.hocuspocus.documents]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, doc]) => `${name} ${Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64')}`);
  return out;
}

/** What changed between two dumps, table by table (empty when nothing did). */
export function dumpDifference(before: StateDump, after: StateDump): string[] {
  const out: string[] = [];
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = new Set(before[table] ?? []);
    const b = new Set(after[table] ?? []);
    const gone = [...a].filter((r) => !b.has(r));
    const added = [...b].filter((r) => !a.has(r));
    if (gone.length || added.length || (before[table] ?? []).join('\n') !== (after[table] ?? []).join('\n')) {
      out.push(`${table}: -${gone.length} +${added.length} ${[...gone.map((r) => `- ${r.slice(0, 200)}`), ...added.map((r) => `+ ${r.slice(0, 200)}`)].join(' ')}`);
    }
  }
  return out;
}
