import type { MesaAuth } from './mesaAuth';
import type { PresenceState } from './presenceState';
import { useCollabSession, type CollabSession } from './useCollabConnection';

/** Everything a mesa page with the tree open works with; lives as long as the page. */
export type MesaSession = CollabSession;

const TREE = {
  document: null,
  presence: (auth: MesaAuth) => {
    const p: PresenceState = { user: { ...auth.participant }, cursor: null };
    return { ...p };
  },
};

/** Opens the mesa's tree document, publishing the person's presence (and, later, pointer); `null` until open. */
export function useMesaConnection(auth: MesaAuth): MesaSession | null {
  return useCollabSession(auth, TREE);
}
