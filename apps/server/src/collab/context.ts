import type { Principal } from '../auth/principal';

/** One WebSocket as the extensions see it (several documents may share it). */
export interface SocketHandle {
  /** Documents authenticated on this socket so far. */
  authenticated: number;
  /** Closes the socket with a documented close code. */
  close(code: number, reason: string): void;
}

/** The Hocuspocus connection context of cocrea. */
export interface CollabContext {
  socket: SocketHandle;
  principal?: Principal;
}
