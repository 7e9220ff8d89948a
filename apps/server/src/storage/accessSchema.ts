/*
 * The "who may do what" migration, SQLite and PostgreSQL side by side so the mirror is easy to
 * check: mesa access switches, accounts, sessions, invitations, mesa members, participants and the
 * append-only audit log. Each string is appended to its backend's MIGRATIONS under the same number.
 * Secrets are never stored: sessions, invitations and renewals keep a SHA-256 of theirs, and
 * passwords a scrypt hash. Emails are stored lower-cased (the repositories normalize them), and
 * the database keeps them unique case-insensitively as well.
 */

// Spelled out, not built from ACCOUNT_ROLES / PARTICIPANT_SECTORS: an applied migration never changes.

/** SQLite. */
export const SQLITE_ACCESS_MIGRATION = `
  ALTER TABLE mesas ADD COLUMN join_open INTEGER NOT NULL DEFAULT 1 CHECK (join_open IN (0, 1));
  ALTER TABLE mesas ADD COLUMN status TEXT NOT NULL DEFAULT 'abierta' CHECK (status IN ('abierta', 'cerrada'));
  CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'facilitator', 'stm', 'expert')),
    password_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at TEXT NOT NULL
  );
  CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  );
  CREATE INDEX sessions_by_account ON sessions (account_id);
  CREATE TABLE invitations (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    email TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'facilitator', 'stm', 'expert')),
    mesa_id TEXT REFERENCES mesas (id),
    created_by_id TEXT NOT NULL,
    created_by_name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revoked_at TEXT,
    accepted_at TEXT,
    account_id TEXT REFERENCES accounts (id),
    CHECK ((role = 'expert') = (mesa_id IS NOT NULL))
  );
  CREATE TABLE mesa_members (
    mesa_id TEXT NOT NULL REFERENCES mesas (id),
    account_id TEXT NOT NULL REFERENCES accounts (id),
    added_at TEXT NOT NULL,
    PRIMARY KEY (mesa_id, account_id)
  );
  CREATE INDEX mesa_members_by_account ON mesa_members (account_id);
  CREATE TABLE participants (
    id TEXT PRIMARY KEY,
    mesa_id TEXT NOT NULL REFERENCES mesas (id),
    name TEXT NOT NULL,
    organization TEXT,
    sector TEXT CHECK (sector IN ('sociedad_civil', 'gobierno_municipal', 'organo_garante', 'academia', 'sector_privado', 'ciudadania')),
    renewal_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor_id TEXT,
    actor_name TEXT,
    actor_role TEXT,
    action TEXT NOT NULL,
    mesa_id TEXT,
    commitment_id TEXT,
    plan_id TEXT,
    details TEXT NOT NULL
  );
  CREATE INDEX audit_log_by_mesa ON audit_log (mesa_id, id);
  CREATE INDEX audit_log_by_commitment ON audit_log (commitment_id, id);
  CREATE INDEX audit_log_by_plan ON audit_log (plan_id, id);
  CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
  CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;`;

/** PostgreSQL: BOOLEAN flags, an identity id, JSON details kept verbatim, and TRUNCATE refused too. */
export const POSTGRES_ACCESS_MIGRATION = `
  ALTER TABLE mesas ADD COLUMN join_open BOOLEAN NOT NULL DEFAULT TRUE;
  ALTER TABLE mesas ADD COLUMN status TEXT NOT NULL DEFAULT 'abierta' CHECK (status IN ('abierta', 'cerrada'));
  CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'facilitator', 'stm', 'expert')),
    password_hash TEXT NOT NULL,
    disabled BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TEXT NOT NULL
  );
  CREATE UNIQUE INDEX accounts_email_key ON accounts (lower(email));
  CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  );
  CREATE INDEX sessions_by_account ON sessions (account_id);
  CREATE TABLE invitations (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    email TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'facilitator', 'stm', 'expert')),
    mesa_id TEXT REFERENCES mesas (id),
    created_by_id TEXT NOT NULL,
    created_by_name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revoked_at TEXT,
    accepted_at TEXT,
    account_id TEXT REFERENCES accounts (id),
    CHECK ((role = 'expert') = (mesa_id IS NOT NULL))
  );
  CREATE TABLE mesa_members (
    mesa_id TEXT NOT NULL REFERENCES mesas (id),
    account_id TEXT NOT NULL REFERENCES accounts (id),
    added_at TEXT NOT NULL,
    PRIMARY KEY (mesa_id, account_id)
  );
  CREATE INDEX mesa_members_by_account ON mesa_members (account_id);
  CREATE TABLE participants (
    id TEXT PRIMARY KEY,
    mesa_id TEXT NOT NULL REFERENCES mesas (id),
    name TEXT NOT NULL,
    organization TEXT,
    sector TEXT CHECK (sector IN ('sociedad_civil', 'gobierno_municipal', 'organo_garante', 'academia', 'sector_privado', 'ciudadania')),
    renewal_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE audit_log (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at TEXT NOT NULL,
    actor_id TEXT,
    actor_name TEXT,
    actor_role TEXT,
    action TEXT NOT NULL,
    mesa_id TEXT,
    commitment_id TEXT,
    plan_id TEXT,
    details JSON NOT NULL
  );
  CREATE INDEX audit_log_by_mesa ON audit_log (mesa_id, id);
  CREATE INDEX audit_log_by_commitment ON audit_log (commitment_id, id);
  CREATE INDEX audit_log_by_plan ON audit_log (plan_id, id);
  CREATE FUNCTION refuse_audit_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION 'the audit log is append-only' USING ERRCODE = 'integrity_constraint_violation';
  END
  $$;
  CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_log_change();
  CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_log_change();`;
