import { CloseCode } from '@cocrea/collab';
import type { SocketHandle } from './context';

/** A document opened (or being opened) on a socket, and whose credentials opened it. */
export interface SocketGrant {
  socket: SocketHandle;
  documentName: string;
  mesaId: string;
  kind: 'account' | 'participant';
  /** The account or participant id. */
  principalId: string;
  /** For accounts: the session (hash) the token came from. */
  sessionId?: string;
}

/**
 * Which sockets hold which principal's documents, so that revoking access closes them at once.
 * A grant is admitted *before* authentication looks anything up in storage: a revocation that
 * commits while a socket is still authenticating either is seen by those look-ups or finds the
 * grant here and closes the socket, never neither.
 *
 * This instance only: with several instances (Redis), a revocation closes the sockets of the
 * instance that handled the request; the others refuse the principal at its next connection
 * (every connection re-checks the session or participation), but keep sockets already open.
 */
export class PrincipalSockets {
  private readonly bySocket = new Map<SocketHandle, Set<SocketGrant>>();

  /** Records a grant; undo it with {@link release} if authentication fails. */
  admit(grant: SocketGrant): SocketGrant {
    let set = this.bySocket.get(grant.socket);
    if (!set) this.bySocket.set(grant.socket, (set = new Set()));
    set.add(grant);
    return grant;
  }

  /** Forgets one grant. */
  release(grant: SocketGrant): void {
    const set = this.bySocket.get(grant.socket);
    set?.delete(grant);
    if (set?.size === 0) this.bySocket.delete(grant.socket);
  }

  /** Forgets the grants of one document on a socket (the client closed that document). */
  releaseDocument(socket: SocketHandle, documentName: string): void {
    for (const g of this.bySocket.get(socket) ?? []) if (g.documentName === documentName) this.release(g);
  }

  /** Forgets a closed socket. */
  forget(socket: SocketHandle): void {
    this.bySocket.delete(socket);
  }

  /** Grants currently held (for tests and metrics). */
  get size(): number {
    let n = 0;
    for (const set of this.bySocket.values()) n += set.size;
    return n;
  }

  /** Closes, with 4403 and `reason`, every socket holding a grant that `match`es; returns how many. */
  close(match: (g: SocketGrant) => boolean, reason: string): number {
    const doomed = [...this.bySocket].filter(([, grants]) => [...grants].some(match)).map(([socket]) => socket);
    for (const socket of doomed) {
      this.forget(socket);
      socket.close(CloseCode.Forbidden, reason);
    }
    return doomed.length;
  }
}
