import type { DocumentAccess as Access } from '../auth/policy';
import type { Principal } from '../auth/principal';

/** One WebSocket as the extensions see it (several documents may share it). */
export interface SocketHandle {
  /** Documents authenticated on this socket so far. */
  authenticated: number;
  /** Documents refused on this socket so far (bounded: see `MAX_REFUSED_DOCUMENTS`). */
  refused?: number;
  /** Set once the socket is closed (by either side): nothing more is let in on it. */
  closed?: boolean;
  /** Closes the socket with a documented close code. */
  close(code: number, reason: string): void;
}

/** The Hocuspocus connection context of cocrea. */
export interface CollabContext {
  socket: SocketHandle;
  principal?: Principal;
  /**
   * What the principal may do with this document as things stand, before any finalization lock
   * (auth/policy.ts `documentAccess` with `locked = false`): `read` for a read-only role or a
   * closed mesa. A connection is read-only unless this is `write` and the document is unlocked.
   */
  access?: Access;
}
