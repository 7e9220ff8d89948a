import type { JoinInfo } from '../api/accountTypes';
import { ApiError } from '../api/http';
import type { MesaAuth } from '../collab/mesaAuth';

/** Why a participant cannot come in: the join link is closed, or the whole mesa. */
export type ClosedReason = 'join_closed' | 'mesa_closed';

/** Where opening a mesa stands once the server answered. */
export type MesaAccessOutcome =
  | { kind: 'ready'; auth: MesaAuth }
  /** A visitor may join: show the form. */
  | { kind: 'join'; info: JoinInfo }
  /** A visitor may not join (the link or the mesa is closed); `info` when it could be read. */
  | { kind: 'closed'; reason: ClosedReason; info: JoinInfo | null };

/** What {@link resolveMesaAccess} asks the server (and this browser). */
export interface MesaAccessDeps {
  /** Someone is signed in. */
  signedIn: boolean;
  /** This browser remembers a participation in the mesa. */
  hasParticipation: boolean;
  accountAuth: () => Promise<MesaAuth>;
  /** Renews the remembered participation. */
  resumeParticipant: () => Promise<MesaAuth>;
  joinInfo: () => Promise<JoinInfo>;
}

/** The reason of a `403 join_closed` / `403 mesa_closed`, else `null`. */
export function closedReason(e: unknown): ClosedReason | null {
  return e instanceof ApiError && e.status === 403 && (e.code === 'join_closed' || e.code === 'mesa_closed') ? e.code : null;
}

/**
 * Decides how a person gets into a mesa: an account asks for its token (never a name); a
 * participant this browser remembers renews its token with the renewal secret (which works
 * after the join link closed); anyone else sees the join form, or why joining is closed.
 * Other failures (not found, no access, network) reject.
 */
export async function resolveMesaAccess(deps: MesaAccessDeps): Promise<MesaAccessOutcome> {
  if (deps.signedIn) return { kind: 'ready', auth: await deps.accountAuth() };
  if (deps.hasParticipation) {
    try {
      return { kind: 'ready', auth: await deps.resumeParticipant() };
    } catch (e) {
      const reason = closedReason(e);
      if (reason) return { kind: 'closed', reason, info: await deps.joinInfo().catch(() => null) };
      // Anything else the server refused (say, a stale identity): ask again from the form.
      if (!(e instanceof ApiError) || e.status < 400 || e.status >= 500 || e.status === 404) throw e;
    }
  }
  const info = await deps.joinInfo();
  if (info.status === 'cerrada') return { kind: 'closed', reason: 'mesa_closed', info };
  if (!info.joinOpen) return { kind: 'closed', reason: 'join_closed', info };
  return { kind: 'join', info };
}
