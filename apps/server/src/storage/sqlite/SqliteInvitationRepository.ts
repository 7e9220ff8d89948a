import {
  AccountExistsError,
  normalizeEmail,
  type AcceptOutcome,
  type InvitationRecord,
  type InvitationRepository,
  type NewAccount,
  type NewInvitation,
  type StoredSession,
} from '../AccessStorage';
import { INVITATION_COLUMNS, toInvitation, type InvitationRow } from '../accessRows';
import type { Db } from '../database';
import { asPromise } from './asPromise';
import { insertAccount, insertSession } from './SqliteAccountRepository';

/** {@link InvitationRepository} on SQLite. */
export class SqliteInvitationRepository implements InvitationRepository {
  constructor(private readonly db: Db) {}

  create(i: NewInvitation): Promise<InvitationRecord> {
    return asPromise(() => {
      this.db
        .prepare(
          `INSERT INTO invitations (id, token_hash, email, role, mesa_id, created_by_id, created_by_name, created_at, expires_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(i.id, i.tokenHash, normalizeEmail(i.email), i.role, i.mesaId, i.createdBy.id, i.createdBy.name, i.createdAt, i.expiresAt);
      return this.read('id', i.id) as InvitationRecord;
    });
  }

  get(id: string): Promise<InvitationRecord | undefined> {
    return asPromise(() => this.read('id', id));
  }

  byTokenHash(tokenHash: string): Promise<InvitationRecord | undefined> {
    return asPromise(() => this.read('token_hash', tokenHash));
  }

  list(): Promise<InvitationRecord[]> {
    return asPromise(() =>
      (this.db.prepare(`SELECT ${INVITATION_COLUMNS} FROM invitations ORDER BY created_at DESC, id`).all() as InvitationRow[]).map(toInvitation),
    );
  }

  revoke(id: string, at: string): Promise<boolean> {
    return asPromise(
      () => this.db.prepare('UPDATE invitations SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL AND accepted_at IS NULL').run(at, id).changes > 0,
    );
  }

  accept(tokenHash: string, account: NewAccount, session: StoredSession, now: string): Promise<AcceptOutcome> {
    return asPromise(() => {
      try {
        return this.db.transaction((): AcceptOutcome => {
          const inv = this.read('token_hash', tokenHash);
          if (!inv || inv.acceptedAt || inv.revokedAt || inv.expiresAt <= now) return 'gone';
          const created = insertAccount(this.db, { ...account, email: inv.email, role: inv.role });
          this.db.prepare('UPDATE invitations SET accepted_at = ?, account_id = ? WHERE id = ?').run(now, created.id, inv.id);
          if (inv.mesaId) this.db.prepare('INSERT INTO mesa_members (mesa_id, account_id, added_at) VALUES (?, ?, ?)').run(inv.mesaId, created.id, now);
          insertSession(this.db, session);
          return 'accepted';
        })();
      } catch (err) {
        if (err instanceof AccountExistsError) return 'account_exists';
        throw err;
      }
    });
  }

  private read(column: 'id' | 'token_hash', value: string): InvitationRecord | undefined {
    const row = this.db.prepare(`SELECT ${INVITATION_COLUMNS} FROM invitations WHERE ${column} = ?`).get(value) as InvitationRow | undefined;
    return row && toInvitation(row);
  }
}
