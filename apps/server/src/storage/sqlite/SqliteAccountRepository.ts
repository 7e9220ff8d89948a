import type { AccountRole } from '../../auth/principal';
import { AccountExistsError, normalizeEmail, type Account, type AccountRepository, type NewAccount, type StoredSession } from '../AccessStorage';
import { ACCOUNT_COLUMNS, toAccount, toSession, type AccountRow, type SessionRow } from '../accessRows';
import type { Db } from '../database';
import { asPromise, isUniqueViolation } from './asPromise';

/** Inserts an account in the caller's transaction (shared with invitation acceptance). */
export function insertAccount(db: Db, a: NewAccount): Account {
  try {
    db.prepare('INSERT INTO accounts (id, email, name, role, password_hash, disabled, created_at) VALUES (?, ?, ?, ?, ?, 0, ?)').run(
      a.id,
      normalizeEmail(a.email),
      a.name,
      a.role,
      a.passwordHash,
      a.createdAt,
    );
  } catch (err) {
    if (isUniqueViolation(err)) throw new AccountExistsError();
    throw err;
  }
  return { id: a.id, email: normalizeEmail(a.email), name: a.name, role: a.role, disabled: false, createdAt: a.createdAt };
}

/** Starts a session in the caller's transaction, sweeping the ones already expired. */
export function insertSession(db: Db, s: StoredSession): void {
  db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(s.createdAt);
  db.prepare('INSERT INTO sessions (id_hash, account_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(
    s.idHash,
    s.accountId,
    s.csrfToken,
    s.createdAt,
    s.expiresAt,
  );
}

/** {@link AccountRepository} on SQLite. */
export class SqliteAccountRepository implements AccountRepository {
  constructor(private readonly db: Db) {}

  create(a: NewAccount): Promise<Account> {
    return asPromise(() => insertAccount(this.db, a));
  }

  get(id: string): Promise<Account | undefined> {
    return asPromise(() => {
      const row = this.db.prepare(`SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE id = ?`).get(id) as AccountRow | undefined;
      return row && toAccount(row);
    });
  }

  byEmail(email: string): Promise<Account | undefined> {
    return asPromise(() => {
      const row = this.db.prepare(`SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE email = ?`).get(normalizeEmail(email)) as AccountRow | undefined;
      return row && toAccount(row);
    });
  }

  credentials(email: string): Promise<{ account: Account; passwordHash: string } | undefined> {
    return asPromise(() => {
      const row = this.db.prepare(`SELECT ${ACCOUNT_COLUMNS}, password_hash FROM accounts WHERE email = ?`).get(normalizeEmail(email)) as
        | (AccountRow & { password_hash: string })
        | undefined;
      return row && { account: toAccount(row), passwordHash: row.password_hash };
    });
  }

  list(): Promise<Account[]> {
    return asPromise(() => (this.db.prepare(`SELECT ${ACCOUNT_COLUMNS} FROM accounts ORDER BY created_at, id`).all() as AccountRow[]).map(toAccount));
  }

  update(id: string, changes: { role?: AccountRole; disabled?: boolean }): Promise<Account | undefined> {
    return asPromise(() =>
      this.db.transaction(() => {
        const disabled = changes.disabled === undefined ? null : changes.disabled ? 1 : 0;
        const r = this.db.prepare('UPDATE accounts SET role = COALESCE(?, role), disabled = COALESCE(?, disabled) WHERE id = ?').run(changes.role ?? null, disabled, id);
        if (r.changes === 0) return undefined;
        if (changes.disabled) this.db.prepare('DELETE FROM sessions WHERE account_id = ?').run(id);
        const row = this.db.prepare(`SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE id = ?`).get(id) as AccountRow;
        return toAccount(row);
      })(),
    );
  }

  createSession(s: StoredSession): Promise<void> {
    return asPromise(() => this.db.transaction(() => insertSession(this.db, s))());
  }

  session(idHash: string, now: string): Promise<{ session: StoredSession; account: Account } | undefined> {
    return asPromise(() => {
      const row = this.db
        .prepare(
          `SELECT s.id_hash, s.account_id, s.csrf_token, s.created_at AS s_created_at, s.expires_at,
                  a.id, a.email, a.name, a.role, a.disabled, a.created_at
           FROM sessions s JOIN accounts a ON a.id = s.account_id
           WHERE s.id_hash = ? AND s.expires_at > ? AND a.disabled = 0`,
        )
        .get(idHash, now) as (AccountRow & Omit<SessionRow, 'created_at'> & { s_created_at: string }) | undefined;
      return row && { session: toSession({ ...row, created_at: row.s_created_at }), account: toAccount(row) };
    });
  }

  deleteSession(idHash: string): Promise<boolean> {
    return asPromise(() => this.db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(idHash).changes > 0);
  }

  changePassword(id: string, passwordHash: string, keepSessionIdHash: string): Promise<string[] | undefined> {
    return asPromise(() =>
      this.db.transaction(() => {
        if (this.db.prepare('UPDATE accounts SET password_hash = ? WHERE id = ?').run(passwordHash, id).changes === 0) return undefined;
        const ended = this.db.prepare('DELETE FROM sessions WHERE account_id = ? AND id_hash <> ? RETURNING id_hash').all(id, keepSessionIdHash) as { id_hash: string }[];
        return ended.map((r) => r.id_hash);
      })(),
    );
  }
}
