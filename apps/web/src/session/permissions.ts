import type { AccountRole, MesaStatus } from '../api/accountTypes';

/**
 * Who is looking: an account's role, a participant who joined by link, or a visitor. The server
 * enforces docs/permissions.md; these rules only decide what the interface offers.
 */
export type Role = AccountRole | 'participant' | 'public';

const staff = (r: Role) => r === 'admin' || r === 'facilitator';

/** What each role may do, one rule per action of docs/permissions.md. */
export const can = {
  /** Convene a mesa; open/close its join link; close/reopen it; manage its experts. */
  manageMesas: staff,
  /** See the list of mesas (an expert sees only their own). */
  listMesas: (r: Role) => staff(r) || r === 'stm' || r === 'expert',
  /** Change the problem tree and the roadmaps (both read-only for everyone once the mesa is closed). */
  editDocuments: (r: Role, status: MesaStatus) => status === 'abierta' && (staff(r) || r === 'participant'),
  /** Propose alternatives and preliminary commitments. */
  propose: (r: Role, status: MesaStatus) => staff(r) || (r === 'participant' && status === 'abierta'),
  /** Record the feasibility review. */
  review: (r: Role) => staff(r) || r === 'stm',
  /** Make definitive, finalize, reopen. */
  decide: staff,
  /** See PAMs (drafts included) and their exports. */
  seePams: (r: Role) => staff(r) || r === 'stm',
  /** Create and change PAMs, publish them. */
  editPams: staff,
  /** Approve a PAM. */
  approvePam: (r: Role) => staff(r) || r === 'stm',
  /** See the exercises of Gobierno Abierto (the STM without integrantes' contacts). */
  seeExercises: (r: Role) => staff(r) || r === 'stm',
  /** Run an exercise: declaration, events, integrantes, STM, kits, PAM link, tracking, reviews. */
  manageExercises: staff,
  /** Invitations, the account list and the audit log. */
  administer: staff,
  /** Change an account's role, disable it. */
  manageAccounts: (r: Role) => r === 'admin',
  /** Invite someone with `target` role: facilitators invite STM members and experts only. */
  invite: (r: Role, target: AccountRole) => r === 'admin' || (r === 'facilitator' && (target === 'stm' || target === 'expert')),
} as const;

/** The roles `r` may invite, in the order a form offers them. */
export function invitableRoles(r: Role): AccountRole[] {
  return (['stm', 'expert', 'facilitator', 'admin'] as const).filter((target) => can.invite(r, target));
}
