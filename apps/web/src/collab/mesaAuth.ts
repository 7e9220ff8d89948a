import { joinMesa, type JoinResponse, type Participant } from '../api/client';
import { rememberedParticipantId, rememberParticipantId } from './participantMemory';

/** A token this close to expiry is not worth sending. */
const TOKEN_MARGIN_MS = 15_000;

/**
 * A person joined to a mesa: who they are, and a function giving a valid collaboration token
 * (the join's own while it lasts, then a re-join that keeps the same participant id). Used for
 * every provider (tree, roadmaps) and every REST write of the mesa.
 */
export interface MesaAuth {
  readonly mesaId: string;
  readonly participant: Participant;
  /** Name of the mesa's tree document. */
  readonly treeDocument: string;
  /** A token valid for at least a few more seconds. */
  token(): Promise<string>;
}

const cache = new Map<string, Promise<MesaAuth>>();
const LAST_MESA_KEY = 'cocrea:lastMesa';

function authFrom(mesaId: string, name: string, first: JoinResponse): MesaAuth {
  let current = first;
  let renewing: Promise<JoinResponse> | null = null;
  const participantId = first.participant.id;
  return {
    mesaId,
    participant: first.participant,
    treeDocument: first.documents.tree,
    async token() {
      if (Date.parse(current.expiresAt) - Date.now() > TOKEN_MARGIN_MS) return current.token;
      renewing ??= joinMesa(mesaId, name, participantId).finally(() => {
        renewing = null;
      });
      current = await renewing;
      return current.token;
    },
  };
}

/**
 * Joins `mesaId` as `name`, once per page load: later calls (another page of the same mesa)
 * get the same participant and token source. A failed join is not remembered.
 */
export function joinMesaAuth(mesaId: string, name: string): Promise<MesaAuth> {
  const key = `${mesaId}\n${name}`;
  const known = cache.get(key);
  if (known) return known;
  const pending = joinMesa(mesaId, name, rememberedParticipantId(mesaId)).then((first) => {
    rememberParticipantId(mesaId, first.participant.id);
    rememberLastMesa(mesaId);
    return authFrom(mesaId, name, first);
  });
  cache.set(key, pending);
  pending.catch(() => cache.delete(key));
  return pending;
}

function rememberLastMesa(mesaId: string): void {
  try {
    localStorage.setItem(LAST_MESA_KEY, mesaId);
  } catch {
    // Private mode: the PAM pages pick a mesa from the list instead.
  }
}

/** The mesa this browser joined last, if any (the PAM pages sign their writes with it). */
export function lastJoinedMesa(): string | undefined {
  try {
    return localStorage.getItem(LAST_MESA_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}
