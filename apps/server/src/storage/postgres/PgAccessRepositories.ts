import type { ParticipantSector } from '@cocrea/domain';
import type { Pool, PoolClient } from 'pg';
import type { AccountRole } from '../../auth/principal';
import {
  AccountExistsError,
  normalizeEmail,
  type AcceptOutcome,
  type Account,
  type AccountRepository,
  type AuditEntry,
  type AuditLog,
  type AuditQuery,
  type InvitationRecord,
  type InvitationRepository,
  type MemberRecord,
  type MemberRepository,
  type NewAccount,
  type NewInvitation,
  type ParticipantRecord,
  type ParticipantRepository,
  type StoredSession,
} from '../AccessStorage';
import {
  ACCOUNT_COLUMNS,
  auditFilter,
  INVITATION_COLUMNS,
  toAccount,
  toAuditEntry,
  toInvitation,
  toMember,
  toParticipant,
  toSession,
  type AccountRow,
  type AuditRow,
  type InvitationRow,
  type MemberRow,
  type ParticipantRow,
  type SessionRow,
} from '../accessRows';
import { transaction } from './sql';

type Queryable = Pool | PoolClient;

const isUniqueViolation = (err: unknown): boolean => (err as { code?: unknown } | null)?.code === '23505';

async function insertAccount(db: Queryable, a: NewAccount): Promise<Account> {
  try {
    await db.query('INSERT INTO accounts (id, email, name, role, password_hash, disabled, created_at) VALUES ($1, $2, $3, $4, $5, FALSE, $6)', [
      a.id,
      normalizeEmail(a.email),
      a.name,
      a.role,
      a.passwordHash,
      a.createdAt,
    ]);
  } catch (err) {
    if (isUniqueViolation(err)) throw new AccountExistsError();
    throw err;
  }
  return { id: a.id, email: normalizeEmail(a.email), name: a.name, role: a.role, disabled: false, createdAt: a.createdAt };
}

async function insertSession(db: Queryable, s: StoredSession): Promise<void> {
  await db.query('DELETE FROM sessions WHERE expires_at COLLATE "C" <= $1', [s.createdAt]);
  await db.query('INSERT INTO sessions (id_hash, account_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
    s.idHash,
    s.accountId,
    s.csrfToken,
    s.createdAt,
    s.expiresAt,
  ]);
}

/** {@link AccountRepository} on PostgreSQL. */
export class PgAccountRepository implements AccountRepository {
  constructor(private readonly pool: Pool) {}

  create(a: NewAccount): Promise<Account> {
    return insertAccount(this.pool, a);
  }

  async get(id: string): Promise<Account | undefined> {
    const { rows } = await this.pool.query<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE id = $1`, [id]);
    return rows[0] && toAccount(rows[0]);
  }

  async byEmail(email: string): Promise<Account | undefined> {
    const { rows } = await this.pool.query<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE lower(email) = $1`, [normalizeEmail(email)]);
    return rows[0] && toAccount(rows[0]);
  }

  async credentials(email: string): Promise<{ account: Account; passwordHash: string } | undefined> {
    const { rows } = await this.pool.query<AccountRow & { password_hash: string }>(
      `SELECT ${ACCOUNT_COLUMNS}, password_hash FROM accounts WHERE lower(email) = $1`,
      [normalizeEmail(email)],
    );
    return rows[0] && { account: toAccount(rows[0]), passwordHash: rows[0].password_hash };
  }

  async list(): Promise<Account[]> {
    const { rows } = await this.pool.query<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts ORDER BY created_at COLLATE "C", id COLLATE "C"`);
    return rows.map(toAccount);
  }

  update(id: string, changes: { role?: AccountRole; disabled?: boolean }): Promise<Account | undefined> {
    return transaction(this.pool, async (client) => {
      const { rows } = await client.query<AccountRow>(
        `UPDATE accounts SET role = COALESCE($2, role), disabled = COALESCE($3, disabled) WHERE id = $1 RETURNING ${ACCOUNT_COLUMNS}`,
        [id, changes.role ?? null, changes.disabled ?? null],
      );
      if (!rows[0]) return undefined;
      if (changes.disabled) await client.query('DELETE FROM sessions WHERE account_id = $1', [id]);
      return toAccount(rows[0]);
    });
  }

  createSession(s: StoredSession): Promise<void> {
    return transaction(this.pool, (client) => insertSession(client, s));
  }

  async session(idHash: string, now: string): Promise<{ session: StoredSession; account: Account } | undefined> {
    const { rows } = await this.pool.query<AccountRow & Omit<SessionRow, 'created_at'> & { s_created_at: string }>(
      `SELECT s.id_hash, s.account_id, s.csrf_token, s.created_at AS s_created_at, s.expires_at,
              a.id, a.email, a.name, a.role, a.disabled, a.created_at
       FROM sessions s JOIN accounts a ON a.id = s.account_id
       WHERE s.id_hash = $1 AND s.expires_at COLLATE "C" > $2 AND NOT a.disabled`,
      [idHash, now],
    );
    const row = rows[0];
    return row && { session: toSession({ ...row, created_at: row.s_created_at }), account: toAccount(row) };
  }

  async deleteSession(idHash: string): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM sessions WHERE id_hash = $1', [idHash])).rowCount ?? 0) > 0;
  }

  changePassword(id: string, passwordHash: string, keepSessionIdHash: string): Promise<string[] | undefined> {
    return transaction(this.pool, async (client) => {
      if (((await client.query('UPDATE accounts SET password_hash = $2 WHERE id = $1', [id, passwordHash])).rowCount ?? 0) === 0) return undefined;
      const { rows } = await client.query<{ id_hash: string }>('DELETE FROM sessions WHERE account_id = $1 AND id_hash <> $2 RETURNING id_hash', [id, keepSessionIdHash]);
      return rows.map((r) => r.id_hash);
    });
  }
}

/** {@link InvitationRepository} on PostgreSQL. */
export class PgInvitationRepository implements InvitationRepository {
  constructor(private readonly pool: Pool) {}

  async create(i: NewInvitation): Promise<InvitationRecord> {
    const { rows } = await this.pool.query<InvitationRow>(
      `INSERT INTO invitations (id, token_hash, email, role, mesa_id, created_by_id, created_by_name, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${INVITATION_COLUMNS}`,
      [i.id, i.tokenHash, normalizeEmail(i.email), i.role, i.mesaId, i.createdBy.id, i.createdBy.name, i.createdAt, i.expiresAt],
    );
    return toInvitation(rows[0] as InvitationRow);
  }

  get(id: string): Promise<InvitationRecord | undefined> {
    return this.read(this.pool, 'id', id);
  }

  byTokenHash(tokenHash: string): Promise<InvitationRecord | undefined> {
    return this.read(this.pool, 'token_hash', tokenHash);
  }

  async list(): Promise<InvitationRecord[]> {
    const { rows } = await this.pool.query<InvitationRow>(`SELECT ${INVITATION_COLUMNS} FROM invitations ORDER BY created_at COLLATE "C" DESC, id COLLATE "C"`);
    return rows.map(toInvitation);
  }

  async revoke(id: string, at: string): Promise<boolean> {
    const r = await this.pool.query('UPDATE invitations SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL AND accepted_at IS NULL', [at, id]);
    return (r.rowCount ?? 0) > 0;
  }

  async accept(tokenHash: string, account: NewAccount, session: StoredSession, now: string): Promise<AcceptOutcome> {
    try {
      return await transaction(this.pool, async (client): Promise<AcceptOutcome> => {
        // FOR UPDATE: two acceptances of one link queue up; the second sees it accepted.
        const { rows } = await client.query<InvitationRow>(`SELECT ${INVITATION_COLUMNS} FROM invitations WHERE token_hash = $1 FOR UPDATE`, [tokenHash]);
        const inv = rows[0] && toInvitation(rows[0]);
        if (!inv || inv.acceptedAt || inv.revokedAt || inv.expiresAt <= now) return 'gone';
        const created = await insertAccount(client, { ...account, email: inv.email, role: inv.role });
        await client.query('UPDATE invitations SET accepted_at = $1, account_id = $2 WHERE id = $3', [now, created.id, inv.id]);
        if (inv.mesaId) await client.query('INSERT INTO mesa_members (mesa_id, account_id, added_at) VALUES ($1, $2, $3)', [inv.mesaId, created.id, now]);
        await insertSession(client, session);
        return 'accepted';
      });
    } catch (err) {
      if (err instanceof AccountExistsError) return 'account_exists';
      throw err;
    }
  }

  private async read(db: Queryable, column: 'id' | 'token_hash', value: string): Promise<InvitationRecord | undefined> {
    const { rows } = await db.query<InvitationRow>(`SELECT ${INVITATION_COLUMNS} FROM invitations WHERE ${column} = $1`, [value]);
    return rows[0] && toInvitation(rows[0]);
  }
}

/** {@link MemberRepository} on PostgreSQL. */
export class PgMemberRepository implements MemberRepository {
  constructor(private readonly pool: Pool) {}

  async add(mesaId: string, accountId: string, addedAt: string): Promise<boolean> {
    const r = await this.pool.query('INSERT INTO mesa_members (mesa_id, account_id, added_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [mesaId, accountId, addedAt]);
    return (r.rowCount ?? 0) > 0;
  }

  async remove(mesaId: string, accountId: string): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM mesa_members WHERE mesa_id = $1 AND account_id = $2', [mesaId, accountId])).rowCount ?? 0) > 0;
  }

  async list(mesaId: string): Promise<MemberRecord[]> {
    const { rows } = await this.pool.query<MemberRow>(
      `SELECT m.mesa_id, m.account_id, a.name, a.email, m.added_at
       FROM mesa_members m JOIN accounts a ON a.id = m.account_id
       WHERE m.mesa_id = $1 ORDER BY m.added_at COLLATE "C", m.account_id COLLATE "C"`,
      [mesaId],
    );
    return rows.map(toMember);
  }

  async isMember(mesaId: string, accountId: string): Promise<boolean> {
    return (await this.pool.query('SELECT 1 FROM mesa_members WHERE mesa_id = $1 AND account_id = $2', [mesaId, accountId])).rows.length > 0;
  }

  async mesasOf(accountId: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ mesa_id: string }>('SELECT mesa_id FROM mesa_members WHERE account_id = $1 ORDER BY mesa_id COLLATE "C"', [accountId]);
    return rows.map((r) => r.mesa_id);
  }
}

/** {@link ParticipantRepository} on PostgreSQL. */
export class PgParticipantRepository implements ParticipantRepository {
  constructor(private readonly pool: Pool) {}

  async create(p: ParticipantRecord): Promise<void> {
    await this.pool.query(
      'INSERT INTO participants (id, mesa_id, name, organization, sector, renewal_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [p.id, p.mesaId, p.name, p.organization, p.sector, p.renewalHash, p.createdAt],
    );
  }

  async get(id: string): Promise<ParticipantRecord | undefined> {
    const { rows } = await this.pool.query<ParticipantRow>(
      'SELECT id, mesa_id, name, organization, sector, renewal_hash, created_at FROM participants WHERE id = $1',
      [id],
    );
    return rows[0] && toParticipant(rows[0]);
  }

  async update(id: string, changes: { name: string; organization: string | null; sector: ParticipantSector | null }): Promise<void> {
    await this.pool.query('UPDATE participants SET name = $2, organization = $3, sector = $4 WHERE id = $1', [id, changes.name, changes.organization, changes.sector]);
  }
}

/** {@link AuditLog} on PostgreSQL; triggers refuse UPDATE, DELETE and TRUNCATE. */
export class PgAuditLog implements AuditLog {
  constructor(private readonly pool: Pool) {}

  async append(e: Omit<AuditEntry, 'id'>): Promise<AuditEntry> {
    const { rows } = await this.pool.query<{ id: string }>(
      `INSERT INTO audit_log (at, actor_id, actor_name, actor_role, action, mesa_id, commitment_id, plan_id, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [e.at, e.actor?.id ?? null, e.actor?.name ?? null, e.actor?.role ?? null, e.action, e.mesaId, e.commitmentId, e.planId, JSON.stringify(e.details)],
    );
    return { id: Number(rows[0]?.id), ...e };
  }

  async list(q: AuditQuery): Promise<AuditEntry[]> {
    const { where, params } = auditFilter(q, (i) => `$${i}`);
    const { rows } = await this.pool.query<AuditRow>(
      `SELECT id, at, actor_id, actor_name, actor_role, action, mesa_id, commitment_id, plan_id, details
       FROM audit_log ${where} ORDER BY id DESC LIMIT $${params.length + 1}`,
      [...params, q.limit],
    );
    return rows.map(toAuditEntry);
  }
}
