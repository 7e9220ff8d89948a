import type { MesaAuth } from './mesaAuth';
import type { PresenceState } from './presenceState';
import { useCollabConnection, type CollabConnection, type CollabSession } from './useCollabConnection';

/** Everything a joined mesa page works with; lives as long as the page. */
export type MesaSession = CollabSession;

/** Where joining stands: asking the server, connected, or refused (with what was thrown). */
export type MesaConnection = CollabConnection;

const TREE = {
  document: null,
  presence: (auth: MesaAuth) => {
    const p: PresenceState = { user: { ...auth.participant }, cursor: null };
    return { ...p };
  },
};

/**
 * Joins a mesa under `name` and opens its tree document, publishing the person's presence (and,
 * later, pointer). `attempt` lets the caller retry with the same name.
 */
export function useMesaConnection(mesaId: string, name: string, attempt: number): MesaConnection {
  return useCollabConnection(mesaId, name, attempt, TREE);
}
