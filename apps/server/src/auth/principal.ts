import type { AccountRole } from '@cocrea/domain';

export { ACCOUNT_ROLES, type AccountRole } from '@cocrea/domain';

/** Every role the permission matrix knows, accounts and participants. */
export type Role = AccountRole | 'participant';

/** Someone signed in with an account: email + password, a server-side session. */
export interface AccountPrincipal {
  kind: 'account';
  id: string;
  name: string;
  color: string;
  role: AccountRole;
  email: string;
  /** SHA-256 (hex) of the session id: what the database keys the session by, never the cookie. */
  sessionId: string;
}

/** Someone who joined one mesa by its link: a display name, no account. */
export interface ParticipantPrincipal {
  kind: 'participant';
  id: string;
  name: string;
  color: string;
  role: 'participant';
  mesaId: string;
}

/**
 * Who is on the other end of a request or a socket. Stamps (`{ by: { id, name }, at }`) are made
 * from it, and `auth/policy.ts` decides what it may do.
 */
export type Principal = AccountPrincipal | ParticipantPrincipal;

const PALETTE = ['#d9480f', '#1971c2', '#2f9e44', '#ae3ec9', '#e8590c', '#0c8599', '#c2255c', '#5f3dc4', '#66a80f', '#f08c00'];

/** A stable, readable colour for a person's cursor and presence dot. */
export function colorFor(id: string): string {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (Math.imul(h, 31) + id.charCodeAt(i)) >>> 0;
  return PALETTE[h % PALETTE.length] as string;
}
