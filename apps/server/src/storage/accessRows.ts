import type { ParticipantSector } from '@cocrea/domain';
import type { AccountRole } from '../auth/principal';
import type { Account, AuditEntry, InvitationRecord, MemberRecord, ParticipantRecord, StoredSession } from './AccessStorage';

/*
 * Rows of the access tables and how they become records, the same on both backends (SQLite
 * flags are 0/1, PostgreSQL's booleans; SQLite JSON is text, PostgreSQL's `json` arrives parsed;
 * PostgreSQL BIGINT ids arrive as strings).
 */

const flag = (v: number | boolean): boolean => v === true || v === 1;

/** An `accounts` row without its password hash. */
export interface AccountRow {
  id: string;
  email: string;
  name: string;
  role: AccountRole;
  disabled: number | boolean;
  created_at: string;
}

/** The columns of {@link AccountRow}: every SELECT names them, so the hash is never read by accident. */
export const ACCOUNT_COLUMNS = 'id, email, name, role, disabled, created_at';

/** An `accounts` row as an {@link Account}. */
export const toAccount = (r: AccountRow): Account => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  disabled: flag(r.disabled),
  createdAt: r.created_at,
});

/** A `sessions` row. */
export interface SessionRow {
  id_hash: string;
  account_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

/** A `sessions` row as a {@link StoredSession}. */
export const toSession = (r: SessionRow): StoredSession => ({
  idHash: r.id_hash,
  accountId: r.account_id,
  csrfToken: r.csrf_token,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
});

/** An `invitations` row (without its token hash). */
export interface InvitationRow {
  id: string;
  email: string;
  role: AccountRole;
  mesa_id: string | null;
  created_by_id: string;
  created_by_name: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  accepted_at: string | null;
}

/** The columns of {@link InvitationRow}. */
export const INVITATION_COLUMNS = 'id, email, role, mesa_id, created_by_id, created_by_name, created_at, expires_at, revoked_at, accepted_at';

/** An `invitations` row as an {@link InvitationRecord}. */
export const toInvitation = (r: InvitationRow): InvitationRecord => ({
  id: r.id,
  email: r.email,
  role: r.role,
  mesaId: r.mesa_id,
  createdBy: { id: r.created_by_id, name: r.created_by_name },
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
  acceptedAt: r.accepted_at,
});

/** A member joined with its account. */
export interface MemberRow {
  mesa_id: string;
  account_id: string;
  name: string;
  email: string;
  added_at: string;
}

/** A {@link MemberRow} as a {@link MemberRecord}. */
export const toMember = (r: MemberRow): MemberRecord => ({
  mesaId: r.mesa_id,
  account: { id: r.account_id, name: r.name, email: r.email },
  addedAt: r.added_at,
});

/** A `participants` row. */
export interface ParticipantRow {
  id: string;
  mesa_id: string;
  name: string;
  organization: string | null;
  sector: ParticipantSector | null;
  renewal_hash: string;
  created_at: string;
}

/** A `participants` row as a {@link ParticipantRecord}. */
export const toParticipant = (r: ParticipantRow): ParticipantRecord => ({
  id: r.id,
  mesaId: r.mesa_id,
  name: r.name,
  organization: r.organization,
  sector: r.sector,
  renewalHash: r.renewal_hash,
  createdAt: r.created_at,
});

/** An `audit_log` row. */
export interface AuditRow {
  id: number | string;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  action: string;
  mesa_id: string | null;
  commitment_id: string | null;
  plan_id: string | null;
  details: string | Record<string, unknown>;
}

/** An `audit_log` row as an {@link AuditEntry}. */
export const toAuditEntry = (r: AuditRow): AuditEntry => ({
  id: Number(r.id),
  at: r.at,
  actor: r.actor_id !== null ? { id: r.actor_id, name: r.actor_name ?? '', role: r.actor_role ?? '' } : null,
  action: r.action,
  mesaId: r.mesa_id,
  commitmentId: r.commitment_id,
  planId: r.plan_id,
  details: typeof r.details === 'string' ? (JSON.parse(r.details) as Record<string, unknown>) : r.details,
});

/** The WHERE clause of an audit query, with placeholders from `placeholder(i)` (1-based). */
export function auditFilter(
  q: { mesaId?: string; commitmentId?: string; planId?: string; before?: number },
  placeholder: (i: number) => string,
): { where: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    parts.push(`${sql} ${placeholder(params.length)}`);
  };
  if (q.mesaId !== undefined) add('mesa_id =', q.mesaId);
  if (q.commitmentId !== undefined) add('commitment_id =', q.commitmentId);
  if (q.planId !== undefined) add('plan_id =', q.planId);
  if (q.before !== undefined) add('id <', q.before);
  return { where: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}
