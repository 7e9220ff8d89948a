import { useEffect, useState } from 'react';
import { joinMesaAuth, type MesaAuth } from './mesaAuth';
import { openCollabDocument, type CollabDocument } from './openCollabDocument';

/** A joined person with one shared document open. */
export interface CollabSession extends Omit<CollabDocument, 'destroy'> {
  auth: MesaAuth;
}

/** Where joining stands: asking the server, connected, or refused (with what was thrown). */
export type CollabConnection =
  | { phase: 'joining' }
  | { phase: 'ready'; session: CollabSession }
  | { phase: 'error'; error: unknown };

/** Which document to open once joined, and what to publish through awareness. */
export interface CollabTarget {
  /** The document name; `null` opens the mesa's tree. */
  document: string | null;
  /** The awareness state for the joined participant. */
  presence: (auth: MesaAuth) => Record<string, unknown>;
}

/**
 * Joins `mesaId` as `name` (once per page load, see {@link joinMesaAuth}) and opens a shared
 * document over `/collab`; the provider asks for a fresh token on every reconnect. `attempt`
 * retries with the same name. `target.presence` is read once per connection.
 */
export function useCollabConnection(mesaId: string, name: string, attempt: number, target: CollabTarget): CollabConnection {
  // The result is tagged with what it was for, so a new name or attempt reads as "joining" at once.
  const key = JSON.stringify([mesaId, name, attempt, target.document]);
  const [result, setResult] = useState<{ key: string; state: CollabConnection } | null>(null);
  const { document, presence } = target;

  useEffect(() => {
    let cancelled = false;
    let close: (() => void) | null = null;
    const setState = (state: CollabConnection) => setResult({ key, state });

    joinMesaAuth(mesaId, name).then(
      (auth) => {
        if (cancelled) return;
        const opened = openCollabDocument(document ?? auth.treeDocument, auth, presence(auth));
        close = () => opened.destroy();
        const { doc, provider, tracker, connection } = opened;
        setState({ phase: 'ready', session: { doc, provider, tracker, connection, auth } });
      },
      (error: unknown) => {
        if (!cancelled) setState({ phase: 'error', error });
      },
    );

    return () => {
      cancelled = true;
      close?.();
    };
    // `presence` is read once per connection on purpose: a new function must not reconnect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, mesaId, name, document]);

  return result?.key === key ? result.state : { phase: 'joining' };
}
