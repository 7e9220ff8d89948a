import { PARTICIPANT_SECTORS, type Account, type AccountRole, type InvitationStatus, type Mesa, type MesaStatus, type ParticipantSector } from '@cocrea/domain';

export { ACCOUNT_ROLES, type Account, type AccountRole, type AuditEntry, type InvitationStatus } from '@cocrea/domain';

/** What sign-in, `GET /api/auth/me` and accepting an invitation answer. */
export interface SessionInfo {
  account: Account;
  csrfToken: string;
}


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


/** An expert account that is a member of a mesa. */
export interface MesaMember {
  account: { id: string; name: string; email: string };
  role: 'expert';
  addedAt: string;
}
