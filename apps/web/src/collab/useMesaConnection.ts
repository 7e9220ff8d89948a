import { SaveTracker } from '@cocrea/collab';
import { HocuspocusProvider } from '@hocuspocus/provider';
import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { joinMesa, type JoinResponse, type Participant } from '../api/client';
import { collabUrl } from './collabUrl';
import { ConnectionTracker } from './ConnectionTracker';
import { rememberedParticipantId, rememberParticipantId } from './participantMemory';
import type { PresenceState } from './presenceState';

/** Everything a joined mesa page works with; lives as long as the page. */
export interface MesaSession {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  tracker: SaveTracker;
  connection: ConnectionTracker;
  participant: Participant;
}

/** Where joining stands: asking the server, connected, or refused (with what was thrown). */
export type MesaConnection =
  | { phase: 'joining' }
  | { phase: 'ready'; session: MesaSession }
  | { phase: 'error'; error: unknown };

/** A token this close to expiry is not worth sending. */
const TOKEN_MARGIN_MS = 15_000;

/**
 * Joins a mesa under `name` and opens its tree document. The provider asks for a fresh token on
 * every (re)connect, because tokens are short-lived; the first connect reuses the join's token.
 * `attempt` lets the caller retry with the same name.
 */
export function useMesaConnection(mesaId: string, name: string, attempt: number): MesaConnection {
  // The result is tagged with what it was for, so a new name or attempt reads as "joining" at once.
  const key = JSON.stringify([mesaId, name, attempt]);
  const [result, setResult] = useState<{ key: string; state: MesaConnection } | null>(null);

  useEffect(() => {
    let cancelled = false;
    let session: MesaSession | null = null;
    const setState = (state: MesaConnection) => setResult({ key, state });

    joinMesa(mesaId, name, rememberedParticipantId(mesaId)).then(
      (first) => {
        if (cancelled) return;
        const participantId = first.participant.id;
        rememberParticipantId(mesaId, participantId);
        let spare: JoinResponse | null = first;
        const token = async (): Promise<string> => {
          const reuse = spare !== null && Date.parse(spare.expiresAt) - Date.now() > TOKEN_MARGIN_MS ? spare : null;
          spare = null;
          return (reuse ?? (await joinMesa(mesaId, name, participantId))).token;
        };
        const doc = new Y.Doc();
        const provider = new HocuspocusProvider({ url: collabUrl(), name: first.documents.tree, document: doc, token });
        const presence: PresenceState = { user: { ...first.participant }, cursor: null };
        provider.awareness?.setLocalState(presence);
        const tracker = new SaveTracker(doc, provider);
        const connection = new ConnectionTracker(provider);
        session = { doc, provider, tracker, connection, participant: first.participant };
        setState({ phase: 'ready', session });
      },
      (error: unknown) => {
        if (!cancelled) setState({ phase: 'error', error });
      },
    );

    return () => {
      cancelled = true;
      if (session) {
        session.connection.destroy();
        session.tracker.destroy();
        session.provider.destroy();
        session.doc.destroy();
      }
    };
  }, [key, mesaId, name]);

  return result?.key === key ? result.state : { phase: 'joining' };
}
