import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** An open SQLite database handle. */
export type Db = Database.Database;

/** Ordered schema migrations; each runs once, inside a transaction. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE mesas (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     topic TEXT NOT NULL,
     description TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE TABLE document_snapshots (
     name TEXT PRIMARY KEY,
     state BLOB NOT NULL,
     last_seq INTEGER NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE TABLE document_updates (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     name TEXT NOT NULL,
     data BLOB NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE INDEX document_updates_by_name ON document_updates (name, seq);`,
];

/**
 * Opens (creating if needed) `cocrea.sqlite` in `dataDir`, in WAL mode, and migrates it.
 * `synchronous=FULL` fsyncs the WAL on every commit, so an acknowledged edit survives even a
 * power cut; `NORMAL` survives a killed process but not a power cut.
 */
export function openDatabase(dataDir: string, synchronous: 'FULL' | 'NORMAL' = 'FULL'): Db {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, 'cocrea.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

function migrate(db: Db): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  const row = db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations').get() as { v: number };
  for (let v = row.v; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v] as string);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(v + 1, new Date().toISOString());
    })();
  }
}
