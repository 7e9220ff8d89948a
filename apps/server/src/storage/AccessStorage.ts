import type { Account, AccountRole, AuditEntry, InvitationStatus, ParticipantSector } from '@cocrea/domain';

export type { Account, AuditEntry, InvitationStatus };

/** What creating an account stores. */
export interface NewAccount {
  id: string;
  email: string;
  name: string;
  role: AccountRole;
  /** A scrypt string from `auth/passwords.ts`. */
  passwordHash: string;
  createdAt: string;
}

/** A server-side session. The cookie carries the id; the database only its SHA-256. */
export interface StoredSession {
  idHash: string;
  accountId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

/** Raised when an account with that email (compared case-insensitively) already exists. */
export class AccountExistsError extends Error {
  override readonly name = 'AccountExistsError';
  constructor() {
    super('an account with this email already exists');
  }
}

/** The same email, however it was typed. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/** Accounts and their sessions. */
export interface AccountRepository {
  /** Inserts an account; rejects with {@link AccountExistsError} when the email is taken. */
  create(a: NewAccount): Promise<Account>;
  get(id: string): Promise<Account | undefined>;
  byEmail(email: string): Promise<Account | undefined>;
  /** The account and its password hash: for sign-in only, never for an answer or a log. */
  credentials(email: string): Promise<{ account: Account; passwordHash: string } | undefined>;
  /** Oldest first. */
  list(): Promise<Account[]>;
  /** Changes role and/or `disabled`; disabling ends every session of the account in the same transaction. */
  update(id: string, changes: { role?: AccountRole; disabled?: boolean }): Promise<Account | undefined>;
  /** Starts a session; sessions that expired before `createdAt` are swept in passing. */
  createSession(s: StoredSession): Promise<void>;
  /** A session unexpired at `now` of an account that is not disabled, with the account. */
  session(idHash: string, now: string): Promise<{ session: StoredSession; account: Account } | undefined>;
  /** Ends one session; `false` when there was none. */
  deleteSession(idHash: string): Promise<boolean>;
  /**
   * In one transaction: the account's password hash becomes `passwordHash` and every session of
   * it except `keepSessionIdHash` ends. Returns the hashes of the sessions ended, or `undefined`
   * when there is no such account.
   */
  changePassword(id: string, passwordHash: string, keepSessionIdHash: string): Promise<string[] | undefined>;
}

/** An invitation as stored (never its token: only the token's SHA-256 is kept). */
export interface InvitationRecord {
  id: string;
  email: string;
  role: AccountRole;
  /** The mesa an expert is invited to; `null` for other roles. */
  mesaId: string | null;
  createdBy: { id: string; name: string };
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  acceptedAt: string | null;
}

/** What creating an invitation stores. */
export type NewInvitation = Omit<InvitationRecord, 'revokedAt' | 'acceptedAt'> & { tokenHash: string };

/** Where an invitation stands at `now`. */

/** The status of an invitation at `now` (an ISO instant). */
export function invitationStatus(i: InvitationRecord, now: string): InvitationStatus {
  if (i.acceptedAt) return 'aceptada';
  if (i.revokedAt) return 'revocada';
  return i.expiresAt <= now ? 'vencida' : 'pendiente';
}

/** How accepting an invitation went. */
export type AcceptOutcome = 'accepted' | 'gone' | 'account_exists';

/** Invitations to create an account. */
export interface InvitationRepository {
  create(i: NewInvitation): Promise<InvitationRecord>;
  get(id: string): Promise<InvitationRecord | undefined>;
  byTokenHash(tokenHash: string): Promise<InvitationRecord | undefined>;
  /** Newest first. */
  list(): Promise<InvitationRecord[]>;
  /** Revokes a pending invitation; `false` when it was already accepted or revoked. */
  revoke(id: string, at: string): Promise<boolean>;
  /**
   * In one transaction: the invitation, if still pending at `now`, becomes accepted; the account
   * is created; an expert invited to a mesa becomes its member; the session starts. Nothing is
   * written unless all of it is.
   */
  accept(tokenHash: string, account: NewAccount, session: StoredSession, now: string): Promise<AcceptOutcome>;
}

/** An expert account's membership of a mesa. */
export interface MemberRecord {
  mesaId: string;
  account: { id: string; name: string; email: string };
  addedAt: string;
}

/** Which expert accounts are members of which mesas. */
export interface MemberRepository {
  /** Adds a member; `false` when it already was one (nothing changes). */
  add(mesaId: string, accountId: string, addedAt: string): Promise<boolean>;
  /** `false` when it was not a member. */
  remove(mesaId: string, accountId: string): Promise<boolean>;
  /** Oldest first. */
  list(mesaId: string): Promise<MemberRecord[]>;
  isMember(mesaId: string, accountId: string): Promise<boolean>;
  /** Ids of the mesas an account is a member of. */
  mesasOf(accountId: string): Promise<string[]>;
}

/** A participant who joined a mesa by its link. */
export interface ParticipantRecord {
  id: string;
  mesaId: string;
  name: string;
  organization: string | null;
  sector: ParticipantSector | null;
  /** SHA-256 of the renewal secret handed out at the join. */
  renewalHash: string;
  createdAt: string;
}

/** Participations. */
export interface ParticipantRepository {
  create(p: ParticipantRecord): Promise<void>;
  get(id: string): Promise<ParticipantRecord | undefined>;
  /** How a participant presents (a renewal may change it). */
  update(id: string, changes: { name: string; organization: string | null; sector: ParticipantSector | null }): Promise<void>;
}

/** Which entries to read: newest first, at most `limit`, older than entry `before`. */
export interface AuditQuery {
  mesaId?: string;
  commitmentId?: string;
  planId?: string;
  limit: number;
  before?: number;
}

/** The append-only audit log: the database refuses UPDATE and DELETE of its rows. */
export interface AuditLog {
  append(e: Omit<AuditEntry, 'id'>): Promise<AuditEntry>;
  list(q: AuditQuery): Promise<AuditEntry[]>;
}
