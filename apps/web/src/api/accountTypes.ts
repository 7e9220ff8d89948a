import { PARTICIPANT_SECTORS, type Mesa, type MesaStatus, type ParticipantSector } from '@cocrea/domain';

/** The roles an account can have (docs/permissions.md). */
export const ACCOUNT_ROLES = ['admin', 'facilitator', 'stm', 'expert'] as const;

/** One of {@link ACCOUNT_ROLES}. */
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

/** A person who signs in with email and password. */
export interface Account {
  id: string;
  email: string;
  name: string;
  role: AccountRole;
  disabled: boolean;
  createdAt: string;
}

/** What sign-in, `GET /api/auth/me` and accepting an invitation answer. */
export interface SessionInfo {
  account: Account;
  csrfToken: string;
}

/** Where an invitation stands. */
export type InvitationStatus = 'pendiente' | 'aceptada' | 'revocada' | 'vencida';

/** An invitation as the people who manage them see it (never its token). */
export interface Invitation {
  id: string;
  email: string;
  role: AccountRole;
  mesaId: string | null;
  createdBy: { id: string; name: string };
  createdAt: string;
  expiresAt: string;
  status: InvitationStatus;
}

/** What an invitation link offers, as `GET /api/invitations/:token` tells anyone holding it. */
export interface InvitationOffer {
  email: string;
  role: AccountRole;
  mesa: { id: string; title: string } | null;
  expiresAt: string;
}

/** The sectors a participant may say they come from (optional on join), as the domain lists them. */
export const SECTORS = PARTICIPANT_SECTORS;

/** One of {@link SECTORS}. */
export type Sector = ParticipantSector;

export type { MesaStatus };

/** A mesa with its access switches (the join link, open or closed). */
export type MesaRecord = Mesa & { joinOpen: boolean; status: MesaStatus };

/** What the public join page needs: `GET /api/mesas/:id/join`. */
export interface JoinInfo {
  mesa: { id: string; title: string; topic: string };
  joinOpen: boolean;
  status: MesaStatus;
}

/** One entry of the append-only audit log. */
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

/** An expert account that is a member of a mesa. */
export interface MesaMember {
  account: { id: string; name: string; email: string };
  role: 'expert';
  addedAt: string;
}
