import { DenialReason, parseDocumentName } from '@cocrea/collab';
import { documentAccess } from '../auth/policy';
import type { Logger } from '../logger';
import type { CollabContext } from './context';
import type { DocumentAccess } from './DocumentAccess';
import type { DocumentLocks } from './DocumentLocks';
import type { PrincipalSockets } from './PrincipalSockets';

/** What the REST routes tell the collaboration side when access changes (docs/permissions.md, "What revoking does"). */
export interface Revocations {
  /** Participants' sockets on the mesa close (`mesa-closed`); everyone else's connections become read-only. */
  mesaClosed(mesaId: string): void;
  /** Connections on the mesa's documents get back what their role and the locks allow. */
  mesaReopened(mesaId: string): Promise<void>;
  /** The expert's sockets on the mesa's documents close (`revoked`). */
  memberRemoved(mesaId: string, accountId: string): void;
  /** The account's sockets close (`revoked`): its role changed or it was disabled. */
  accountChanged(accountId: string): void;
  /** The session's sockets close (`revoked`): signed out. */
  sessionEnded(sessionId: string): void;
  /** The sockets of every session of the account but `keepSessionId` close (`revoked`): its password changed. */
  otherSessionsEnded(accountId: string, keepSessionId: string): void;
}

/**
 * {@link Revocations} on this instance's sockets (see {@link PrincipalSockets} for what happens
 * with several instances). Called after the change is committed, so a socket authenticating
 * meanwhile either reads the new state or is found and closed here.
 */
export class AccessRevocation implements Revocations {
  constructor(
    private readonly sockets: PrincipalSockets,
    private readonly docs: DocumentAccess,
    private readonly locks: DocumentLocks,
    private readonly log: Logger,
  ) {}

  mesaClosed(mesaId: string): void {
    const n = this.sockets.close((g) => g.kind === 'participant' && g.mesaId === mesaId, DenialReason.MesaClosed);
    for (const name of this.namesOf(mesaId)) {
      for (const c of this.docs.connections(name)) {
        (c.context as CollabContext).access = 'read';
        c.readOnly = true;
      }
    }
    this.log.info({ mesaId, sockets: n }, 'mesa closed: participant sockets closed');
  }

  async mesaReopened(mesaId: string): Promise<void> {
    for (const name of this.namesOf(mesaId)) {
      const kind = parseDocumentName(name)?.kind;
      if (!kind) continue;
      const locked = await this.locks.isLocked(name);
      for (const c of this.docs.connections(name)) {
        const ctx = c.context as CollabContext;
        if (!ctx.principal) continue;
        // Still connected, so an expert here is still a member (removal closes the socket).
        const access = documentAccess(ctx.principal, kind, { id: mesaId, status: 'abierta', member: true }, false);
        ctx.access = typeof access === 'string' ? access : 'read';
        c.readOnly = ctx.access !== 'write' || locked;
      }
    }
  }

  memberRemoved(mesaId: string, accountId: string): void {
    const n = this.sockets.close((g) => g.kind === 'account' && g.principalId === accountId && g.mesaId === mesaId, DenialReason.Revoked);
    this.log.info({ mesaId, accountId, sockets: n }, 'member removed: sockets closed');
  }

  accountChanged(accountId: string): void {
    const n = this.sockets.close((g) => g.kind === 'account' && g.principalId === accountId, DenialReason.Revoked);
    this.log.info({ accountId, sockets: n }, 'account changed: sockets closed');
  }

  sessionEnded(sessionId: string): void {
    const n = this.sockets.close((g) => g.kind === 'account' && g.sessionId === sessionId, DenialReason.Revoked);
    this.log.info({ sockets: n }, 'session ended: sockets closed');
  }

  otherSessionsEnded(accountId: string, keepSessionId: string): void {
    const n = this.sockets.close((g) => g.kind === 'account' && g.principalId === accountId && g.sessionId !== keepSessionId, DenialReason.Revoked);
    this.log.info({ accountId, sockets: n }, 'password changed: other sessions\' sockets closed');
  }

  private namesOf(mesaId: string): string[] {
    return this.docs.loadedNames().filter((n) => parseDocumentName(n)?.mesaId === mesaId);
  }
}
