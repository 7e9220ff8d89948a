/*
 * The year-long exercise (issue 6, docs/exercise.md), SQLite and PostgreSQL side by side so the
 * mirror is easy to check: exercises, the Declaración Conjunta and its signatories, events, the
 * registry of integrantes, STM seats, the PAM ↔ exercise link, stored files, mesas of the exercise
 * with their participant kits, and the append-only records of a PAM (approvals, progress steps and
 * their evidence, six-month monitoring, final evaluation). Each string is appended to its
 * backend's MIGRATIONS under the same number.
 *
 * Files live in the database (BLOB / BYTEA) under their SHA-256, so every instance sharing the
 * database serves the same bytes and a backup of the database is a backup of the evidence.
 */

// Spelled out, not built from the domain's constants: an applied migration never changes.
const SECTORS = `'sociedad_civil', 'gobierno_municipal', 'organo_garante', 'academia', 'sector_privado', 'ciudadania'`;
const STM_SECTORS = `'sociedad_civil', 'gobierno_municipal', 'organo_garante'`;
const STATUSES = `'no_iniciada', 'en_proceso', 'concluida', 'cancelada'`;

/** Public records: once written, never changed nor deleted. */
const APPEND_ONLY = ['stored_files', 'plan_approvals', 'activity_updates', 'activity_evidence', 'plan_monitorings', 'plan_evaluations'];

/**
 * The tables of both backends; `t` names the types that differ: text holding JSON, blobs, and an
 * ordering column (SQLite lists rows by `rowid`, PostgreSQL by an identity `seq`).
 */
function tables(t: { json: string; blob: string; seq: string; length: string }): string {
  return `
  CREATE TABLE exercises (
    id TEXT PRIMARY KEY,${t.seq}
    municipality TEXT NOT NULL,
    title TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    schedule ${t.json} NOT NULL,
    created ${t.json} NOT NULL,
    published ${t.json},
    stm_installed_on TEXT,
    stm_facilitator_id TEXT,
    stm_governance_rules ${t.json},
    stm_annual_agenda ${t.json},
    UNIQUE (municipality, start_date, end_date),
    CHECK (start_date <= end_date)
  );
  CREATE TABLE exercise_members (
    id TEXT PRIMARY KEY,${t.seq}
    exercise_id TEXT NOT NULL REFERENCES exercises (id),
    kind TEXT NOT NULL CHECK (kind IN ('persona', 'organizacion')),
    name TEXT NOT NULL,
    sector TEXT NOT NULL CHECK (sector IN (${SECTORS})),
    organization TEXT NOT NULL,
    position TEXT NOT NULL,
    email TEXT NOT NULL,
    phone TEXT NOT NULL,
    joined_on TEXT NOT NULL,
    joined_at_event_id TEXT,
    account_id TEXT REFERENCES accounts (id),
    UNIQUE (exercise_id, account_id)
  );
  CREATE INDEX exercise_members_by_exercise ON exercise_members (exercise_id);
  CREATE TABLE exercise_declarations (
    exercise_id TEXT PRIMARY KEY REFERENCES exercises (id),
    place TEXT NOT NULL,
    document ${t.json}
  );
  CREATE TABLE declaration_signatories (
    exercise_id TEXT NOT NULL REFERENCES exercise_declarations (exercise_id),
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    organization TEXT NOT NULL,
    sector TEXT NOT NULL CHECK (sector IN (${SECTORS})),
    signed_on TEXT NOT NULL,
    PRIMARY KEY (exercise_id, position)
  );
  CREATE TABLE exercise_events (
    id TEXT PRIMARY KEY,${t.seq}
    exercise_id TEXT NOT NULL REFERENCES exercises (id),
    kind TEXT NOT NULL CHECK (kind IN ('foro_arranque', 'sensibilizacion', 'lanzamiento_pam')),
    title TEXT NOT NULL,
    date TEXT NOT NULL,
    place TEXT NOT NULL,
    description TEXT NOT NULL,
    evidence ${t.json} NOT NULL,
    convened_by TEXT,
    audience ${t.json},
    attendance INTEGER,
    joined_member_ids ${t.json}
  );
  CREATE INDEX exercise_events_by_exercise ON exercise_events (exercise_id);
  CREATE UNIQUE INDEX exercise_events_one_per_kind ON exercise_events (exercise_id, kind) WHERE kind <> 'sensibilizacion';
  CREATE TABLE stm_seats (
    exercise_id TEXT NOT NULL REFERENCES exercises (id),
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    sector TEXT NOT NULL CHECK (sector IN (${STM_SECTORS})),
    titular_id TEXT REFERENCES exercise_members (id),
    suplente_id TEXT REFERENCES exercise_members (id),
    PRIMARY KEY (exercise_id, id)
  );
  ALTER TABLE action_plans ADD COLUMN exercise_id TEXT REFERENCES exercises (id);
  CREATE UNIQUE INDEX action_plans_one_per_exercise ON action_plans (exercise_id) WHERE exercise_id IS NOT NULL;
  CREATE TABLE stored_files (
    sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    media_type TEXT NOT NULL,
    size INTEGER NOT NULL CHECK (size > 0),
    data ${t.blob} NOT NULL,
    created_at TEXT NOT NULL,
    CHECK (${t.length}(data) = size)
  );
  CREATE TABLE exercise_files (
    exercise_id TEXT NOT NULL REFERENCES exercises (id),
    sha256 TEXT NOT NULL REFERENCES stored_files (sha256),
    uploaded_by_id TEXT NOT NULL,
    uploaded_by_name TEXT NOT NULL,
    uploaded_at TEXT NOT NULL,
    PRIMARY KEY (exercise_id, sha256)
  );
  CREATE TABLE exercise_mesas (
    mesa_id TEXT PRIMARY KEY REFERENCES mesas (id),${t.seq}
    exercise_id TEXT NOT NULL REFERENCES exercises (id),
    linked_at TEXT NOT NULL,
    public_problem TEXT,
    consultation ${t.json},
    kit_published ${t.json}
  );
  CREATE INDEX exercise_mesas_by_exercise ON exercise_mesas (exercise_id);
  CREATE TABLE kit_items (
    id TEXT PRIMARY KEY,${t.seq}
    mesa_id TEXT NOT NULL REFERENCES exercise_mesas (mesa_id),
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    moment TEXT NOT NULL CHECK (moment IN ('antes', 'durante')),
    document ${t.json} NOT NULL,
    file_sha256 TEXT REFERENCES stored_files (sha256),
    added ${t.json} NOT NULL
  );
  CREATE INDEX kit_items_by_mesa ON kit_items (mesa_id);
  CREATE TABLE plan_approvals (
    id TEXT PRIMARY KEY,${t.seq}
    plan_id TEXT NOT NULL REFERENCES action_plans (id),
    member_id TEXT NOT NULL REFERENCES exercise_members (id),
    account_id TEXT REFERENCES accounts (id),
    sector TEXT NOT NULL CHECK (sector IN (${STM_SECTORS})),
    capacity TEXT NOT NULL CHECK (capacity IN ('titular', 'suplente')),
    entries ${t.json} NOT NULL,
    note TEXT NOT NULL,
    approved_by_id TEXT NOT NULL,
    approved_by_name TEXT NOT NULL,
    approved_at TEXT NOT NULL
  );
  CREATE INDEX plan_approvals_by_plan ON plan_approvals (plan_id);
  CREATE TABLE activity_updates (
    plan_id TEXT NOT NULL REFERENCES action_plans (id),
    commitment_id TEXT NOT NULL,
    activity_id TEXT NOT NULL,
    step INTEGER NOT NULL CHECK (step >= 0),
    from_progress INTEGER NOT NULL CHECK (from_progress BETWEEN 0 AND 100),
    to_progress INTEGER NOT NULL CHECK (to_progress BETWEEN 0 AND 100),
    status TEXT NOT NULL CHECK (status IN (${STATUSES})),
    note TEXT NOT NULL,
    by_id TEXT NOT NULL,
    by_name TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (plan_id, commitment_id, activity_id, step)
  );
  CREATE TABLE activity_evidence (
    id TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL,
    commitment_id TEXT NOT NULL,
    activity_id TEXT NOT NULL,
    step INTEGER NOT NULL,
    position INTEGER NOT NULL,
    date TEXT NOT NULL,
    description TEXT NOT NULL,
    means_of_verification TEXT NOT NULL,
    document ${t.json} NOT NULL,
    file_sha256 TEXT REFERENCES stored_files (sha256),
    added_by_id TEXT NOT NULL,
    added_by_name TEXT NOT NULL,
    added_at TEXT NOT NULL,
    FOREIGN KEY (plan_id, commitment_id, activity_id, step) REFERENCES activity_updates (plan_id, commitment_id, activity_id, step)
  );
  CREATE INDEX activity_evidence_by_plan ON activity_evidence (plan_id, commitment_id, activity_id, step, position);
  CREATE TABLE plan_monitorings (
    plan_id TEXT PRIMARY KEY REFERENCES action_plans (id),
    id TEXT NOT NULL UNIQUE,
    cutoff_date TEXT NOT NULL,
    conducted_by TEXT NOT NULL,
    commitments ${t.json} NOT NULL,
    recorded_by_id TEXT NOT NULL,
    recorded_by_name TEXT NOT NULL,
    recorded_at TEXT NOT NULL
  );
  CREATE TABLE plan_evaluations (
    plan_id TEXT PRIMARY KEY REFERENCES action_plans (id),
    id TEXT NOT NULL UNIQUE,
    date TEXT NOT NULL,
    conducted_by TEXT NOT NULL,
    summary TEXT NOT NULL,
    commitments ${t.json} NOT NULL,
    recorded_by_id TEXT NOT NULL,
    recorded_by_name TEXT NOT NULL,
    recorded_at TEXT NOT NULL
  );`;
}

/** SQLite: JSON as TEXT, BLOB bytes, rows listed by `rowid`. */
export const SQLITE_EXERCISE_MIGRATION = `${tables({ json: 'TEXT', blob: 'BLOB', seq: '', length: 'length' })}
  ${APPEND_ONLY.map(
    (t) => `CREATE TRIGGER ${t}_no_update BEFORE UPDATE ON ${t} BEGIN SELECT RAISE(ABORT, 'exercise records are append-only'); END;
  CREATE TRIGGER ${t}_no_delete BEFORE DELETE ON ${t} BEGIN SELECT RAISE(ABORT, 'exercise records are append-only'); END;`,
  ).join('\n  ')}`;

/** PostgreSQL: `json` kept verbatim, BYTEA, an identity `seq` for order, and TRUNCATE refused too. */
export const POSTGRES_EXERCISE_MIGRATION = `${tables({ json: 'JSON', blob: 'BYTEA', seq: '\n    seq BIGINT GENERATED ALWAYS AS IDENTITY,', length: 'octet_length' })}
  CREATE FUNCTION refuse_exercise_record_change() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION 'exercise records are append-only' USING ERRCODE = 'integrity_constraint_violation';
  END
  $$;
  ${APPEND_ONLY.map(
    (t) => `CREATE TRIGGER ${t}_append_only BEFORE UPDATE OR DELETE ON ${t}
    FOR EACH ROW EXECUTE FUNCTION refuse_exercise_record_change();
  CREATE TRIGGER ${t}_no_truncate BEFORE TRUNCATE ON ${t}
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_exercise_record_change();`,
  ).join('\n  ')}`;
