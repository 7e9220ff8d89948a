import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SQLITE_ACCESS_MIGRATION } from './accessSchema';
import { SQLITE_EXERCISE_MIGRATION } from './exerciseSchema';

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
  // Issue 3: alternatives, commitments, immutable finalized versions, PAMs.
  `CREATE TABLE alternatives (
     id TEXT PRIMARY KEY,
     mesa_id TEXT NOT NULL REFERENCES mesas (id),
     text TEXT NOT NULL,
     cause_ids TEXT NOT NULL,
     created TEXT NOT NULL
   );
   CREATE INDEX alternatives_by_mesa ON alternatives (mesa_id);
   CREATE TABLE commitments (
     id TEXT PRIMARY KEY,
     mesa_id TEXT NOT NULL REFERENCES mesas (id),
     title TEXT NOT NULL,
     description TEXT NOT NULL,
     alternative_ids TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('preliminar', 'revisado', 'definitivo', 'finalizado')),
     created TEXT NOT NULL,
     review TEXT,
     made_definitive TEXT,
     version INTEGER NOT NULL DEFAULT 0,
     editable INTEGER NOT NULL DEFAULT 1
   );
   CREATE INDEX commitments_by_mesa ON commitments (mesa_id);
   CREATE TABLE commitment_versions (
     commitment_id TEXT NOT NULL REFERENCES commitments (id),
     version INTEGER NOT NULL,
     content_hash TEXT NOT NULL,
     snapshot TEXT NOT NULL,
     title TEXT NOT NULL,
     responsible_name TEXT NOT NULL,
     responsible_position TEXT NOT NULL,
     responsible_office TEXT NOT NULL,
     co_responsible TEXT NOT NULL,
     final_result TEXT NOT NULL,
     start_date TEXT NOT NULL,
     end_date TEXT NOT NULL,
     finalized_by_id TEXT NOT NULL,
     finalized_by_name TEXT NOT NULL,
     finalized_at TEXT NOT NULL,
     PRIMARY KEY (commitment_id, version)
   );
   CREATE TABLE version_activities (
     commitment_id TEXT NOT NULL, version INTEGER NOT NULL, position INTEGER NOT NULL,
     description TEXT NOT NULL, responsible TEXT NOT NULL, start_date TEXT NOT NULL, end_date TEXT NOT NULL,
     PRIMARY KEY (commitment_id, version, position),
     FOREIGN KEY (commitment_id, version) REFERENCES commitment_versions (commitment_id, version)
   );
   CREATE TABLE version_indicators (
     commitment_id TEXT NOT NULL, version INTEGER NOT NULL, position INTEGER NOT NULL,
     name TEXT NOT NULL, unit TEXT NOT NULL, baseline TEXT NOT NULL, goal TEXT NOT NULL,
     PRIMARY KEY (commitment_id, version, position),
     FOREIGN KEY (commitment_id, version) REFERENCES commitment_versions (commitment_id, version)
   );
   CREATE TABLE version_ods (
     commitment_id TEXT NOT NULL, version INTEGER NOT NULL, target_code TEXT NOT NULL,
     PRIMARY KEY (commitment_id, version, target_code),
     FOREIGN KEY (commitment_id, version) REFERENCES commitment_versions (commitment_id, version)
   );
   CREATE TABLE version_tree_nodes (
     commitment_id TEXT NOT NULL, version INTEGER NOT NULL, node_id TEXT NOT NULL,
     kind TEXT NOT NULL, parent_id TEXT, text TEXT NOT NULL, depth INTEGER NOT NULL,
     PRIMARY KEY (commitment_id, version, node_id),
     FOREIGN KEY (commitment_id, version) REFERENCES commitment_versions (commitment_id, version)
   );
   ${['commitment_versions', 'version_activities', 'version_indicators', 'version_ods', 'version_tree_nodes']
     .map(
       (t) => `CREATE TRIGGER ${t}_no_update BEFORE UPDATE ON ${t} BEGIN SELECT RAISE(ABORT, 'finalized versions are immutable'); END;
               CREATE TRIGGER ${t}_no_delete BEFORE DELETE ON ${t} BEGIN SELECT RAISE(ABORT, 'finalized versions are immutable'); END;`,
     )
     .join('\n')}
   CREATE TABLE action_plans (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     municipality TEXT NOT NULL,
     launch_date TEXT,
     status TEXT NOT NULL CHECK (status IN ('borrador', 'aprobado', 'publicado')),
     created TEXT NOT NULL,
     approved TEXT,
     published TEXT
   );
   CREATE TABLE action_plan_entries (
     plan_id TEXT NOT NULL REFERENCES action_plans (id),
     commitment_id TEXT NOT NULL,
     version INTEGER NOT NULL,
     position INTEGER NOT NULL,
     PRIMARY KEY (plan_id, commitment_id),
     FOREIGN KEY (commitment_id, version) REFERENCES commitment_versions (commitment_id, version)
   );`,
  // Reopening a finalized commitment is a step too: keep who did it and when.
  `ALTER TABLE commitments ADD COLUMN reopened TEXT;`,
  // Issue 5: a finalized commitment's documents refuse updates at the database, on every instance.
  `CREATE TABLE document_locks (
     name TEXT NOT NULL,
     commitment_id TEXT NOT NULL,
     locked_at TEXT NOT NULL,
     PRIMARY KEY (name, commitment_id)
   );
   INSERT INTO document_locks (name, commitment_id, locked_at)
     SELECT 'mesa:' || mesa_id || ':tree', id, '1970-01-01T00:00:00.000Z' FROM commitments WHERE editable = 0
     UNION ALL
     SELECT 'mesa:' || mesa_id || ':roadmap:' || id, id, '1970-01-01T00:00:00.000Z' FROM commitments WHERE editable = 0;`,
  // Who may do what: accounts, sessions, invitations, members, participants, append-only audit log.
  SQLITE_ACCESS_MIGRATION,
  // Issue 6: the year-long exercise, its STM, PAM approvals, tracking with evidence files, kits, reviews.
  SQLITE_EXERCISE_MIGRATION,
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
