/**
 * What the server says about accounts, invitations and the audit log: the shapes the REST API
 * sends (docs/api-accounts.md), shared by the server that writes them and the web app that reads
 * them.
 */

/** The roles an account can have (docs/permissions.md, "Who"). */
export const ACCOUNT_ROLES = ['admin', 'facilitator', 'stm', 'expert'] as const;

/** One of {@link ACCOUNT_ROLES}. */
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

/** A person who signs in with email and password (never carries the password hash). */
export interface Account {
  id: string;
  /** Lower-cased: emails are unique case-insensitively. */
  email: string;
  name: string;
  role: AccountRole;
  disabled: boolean;
  createdAt: string;
}

/** Where an invitation stands. */
export type InvitationStatus = 'pendiente' | 'aceptada' | 'revocada' | 'vencida';

/** One line of the append-only audit log. */
export interface AuditEntry {
  id: number;
  at: string;
  actor: { id: string; name: string; role: string } | null;
  action: string;
  mesaId: string | null;
  commitmentId: string | null;
  planId: string | null;
  details: Record<string, unknown>;
}
