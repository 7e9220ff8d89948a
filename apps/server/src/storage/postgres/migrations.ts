import type { PoolClient } from 'pg';
import { POSTGRES_ACCESS_MIGRATION } from '../accessSchema';
import { POSTGRES_EXERCISE_MIGRATION } from '../exerciseSchema';

const IMMUTABLE_TABLES = ['commitment_versions', 'version_activities', 'version_indicators', 'version_ods', 'version_tree_nodes'];

/**
 * Ordered schema migrations, one per SQLite migration (same numbers, same tables, columns and
 * constraints), so `schema_migrations` means the same thing on both backends. Differences:
 * BYTEA blobs, a `seq` identity where SQLite lists rows by `rowid`, BOOLEAN `editable`, and JSON
 * columns of type `json` (not `jsonb`): values come back exactly as written, key order included,
 * which the content-hashed version snapshot relies on; nothing queries inside them.
 */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE mesas (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     topic TEXT NOT NULL,
     description TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE TABLE document_snapshots (
     name TEXT PRIMARY KEY,
     state BYTEA NOT NULL,
     last_seq BIGINT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE TABLE document_updates (
     seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     name TEXT NOT NULL,
     data BYTEA NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE INDEX document_updates_by_name ON document_updates (name, seq);`,
  // Alternatives, commitments, immutable finalized versions, PAMs.
  `CREATE TABLE alternatives (
     id TEXT PRIMARY KEY,
     seq BIGINT GENERATED ALWAYS AS IDENTITY,
     mesa_id TEXT NOT NULL REFERENCES mesas (id),
     text TEXT NOT NULL,
     cause_ids JSON NOT NULL,
     created JSON NOT NULL
   );
   CREATE INDEX alternatives_by_mesa ON alternatives (mesa_id, seq);
   CREATE TABLE commitments (
     id TEXT PRIMARY KEY,
     seq BIGINT GENERATED ALWAYS AS IDENTITY,
     mesa_id TEXT NOT NULL REFERENCES mesas (id),
     title TEXT NOT NULL,
     description TEXT NOT NULL,
     alternative_ids JSON NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('preliminar', 'revisado', 'definitivo', 'finalizado')),
     created JSON NOT NULL,
     review JSON,
     made_definitive JSON,
     version INTEGER NOT NULL DEFAULT 0,
     editable BOOLEAN NOT NULL DEFAULT TRUE
   );
   CREATE INDEX commitments_by_mesa ON commitments (mesa_id, seq);
   CREATE TABLE commitment_versions (
     commitment_id TEXT NOT NULL REFERENCES commitments (id),
     version INTEGER NOT NULL,
     content_hash TEXT NOT NULL,
     snapshot JSON NOT NULL,
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
   CREATE FUNCTION refuse_finalized_version_change() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     RAISE EXCEPTION 'finalized versions are immutable' USING ERRCODE = 'integrity_constraint_violation';
   END
   $$;
   ${IMMUTABLE_TABLES.map(
     (t) => `CREATE TRIGGER ${t}_immutable BEFORE UPDATE OR DELETE ON ${t}
               FOR EACH ROW EXECUTE FUNCTION refuse_finalized_version_change();
             CREATE TRIGGER ${t}_no_truncate BEFORE TRUNCATE ON ${t}
               FOR EACH STATEMENT EXECUTE FUNCTION refuse_finalized_version_change();`,
   ).join('\n')}
   CREATE TABLE action_plans (
     id TEXT PRIMARY KEY,
     seq BIGINT GENERATED ALWAYS AS IDENTITY,
     title TEXT NOT NULL,
     municipality TEXT NOT NULL,
     launch_date TEXT,
     status TEXT NOT NULL CHECK (status IN ('borrador', 'aprobado', 'publicado')),
     created JSON NOT NULL,
     approved JSON,
     published JSON
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
  `ALTER TABLE commitments ADD COLUMN reopened JSON;`,
  // A finalized commitment's documents refuse updates at the database, on every instance.
  `CREATE TABLE document_locks (
     name TEXT NOT NULL,
     commitment_id TEXT NOT NULL,
     locked_at TEXT NOT NULL,
     PRIMARY KEY (name, commitment_id)
   );
   INSERT INTO document_locks (name, commitment_id, locked_at)
     SELECT 'mesa:' || mesa_id || ':tree', id, '1970-01-01T00:00:00.000Z' FROM commitments WHERE editable = FALSE
     UNION ALL
     SELECT 'mesa:' || mesa_id || ':roadmap:' || id, id, '1970-01-01T00:00:00.000Z' FROM commitments WHERE editable = FALSE;`,
  // Who may do what: accounts, sessions, invitations, members, participants, append-only audit log.
  POSTGRES_ACCESS_MIGRATION,
  // The year-long exercise, its STM, PAM approvals, tracking with evidence files, kits, reviews.
  POSTGRES_EXERCISE_MIGRATION,
];

/** A schema name we accept: plain lower-case identifiers, so it needs no quoting anywhere. */
export const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Brings the database (or `schema`, created if missing) up to date. Everything runs in one
 * transaction under a transaction-scoped advisory lock, so instances starting together queue up
 * and each migration runs exactly once; a failure leaves the schema as it was.
 */
export async function migrate(client: PoolClient, schema?: string): Promise<number> {
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new Error(`invalid schema name: ${schema}`);
  await client.query('BEGIN');
  try {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('cocrea.schema_migrations'))");
    if (schema !== undefined) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    const { rows } = await client.query<{ v: number }>('SELECT COALESCE(MAX(version), 0)::int AS v FROM schema_migrations');
    const from = rows[0]?.v ?? 0;
    for (let v = from; v < MIGRATIONS.length; v++) {
      await client.query(MIGRATIONS[v] as string);
      await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [v + 1, new Date().toISOString()]);
    }
    await client.query('COMMIT');
    return Math.max(0, MIGRATIONS.length - from);
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}
