import { createContext, useContext } from 'react';
import type * as Y from 'yjs';
import type { SessionState } from '@cocrea/collab';
import type { MesaAuth, MesaRole } from '../collab/mesaAuth';

/**
 * The live session of a mesa (issue 11), as every part of the room reads it: the session
 * document (`mesa:<id>:session`) and its current state, the tree document beside it, who the
 * person is, and the server's clock. Provided by `RoomProvider` (MesaRoom).
 */
export interface Room {
  mesaId: string;
  auth: MesaAuth;
  /** `mesa:<id>:session`. */
  sessionDoc: Y.Doc;
  /** Its state, read again on every change. */
  state: SessionState;
  /** `mesa:<id>:tree`. */
  treeDoc: Y.Doc;
  me: { id: string; name: string; role: MesaRole };
  /** Facilitator or admin: may use the console. */
  isFacilitator: boolean;
  /** Nothing may be written (closed mesa, finalized tree, refused access, STM). */
  readOnly: boolean;
  /** Participants may only type and vote (`control.structureLocked`, and not a facilitator). */
  structureLocked: boolean;
  /** The server's clock now, in ms (estimated from `GET /api/time`). */
  serverNow(): number;
  /** Origin for this person's transactions: their undo manager tracks exactly these. */
  origin: object;
}

export const RoomContext = createContext<Room | null>(null);

/** The room; throws outside `RoomProvider`. */
export function useRoom(): Room {
  const v = useContext(RoomContext);
  if (!v) throw new Error('useRoom outside RoomProvider');
  return v;
}
