import { useEffect, useState } from 'react';
import type { MesaAuth } from './mesaAuth';
import { openCollabDocument, type CollabDocument } from './openCollabDocument';

/** A person with access to the mesa and one shared document open. */
export interface CollabSession extends Omit<CollabDocument, 'destroy'> {
  auth: MesaAuth;
}

/** Which document to open, and what to publish through awareness. */
export interface CollabTarget {
  /** The document name; `null` opens the mesa's tree. */
  document: string | null;
  /** The awareness state for the person. */
  presence: (auth: MesaAuth) => Record<string, unknown>;
}

/**
 * Opens a shared document of the mesa over `/collab` with the person's credentials (see
 * {@link MesaAuth}); the provider asks for a fresh token on every reconnect. The session lives
 * as long as the component; `target.presence` is read once per document.
 */
export function useCollabSession(auth: MesaAuth, target: CollabTarget): CollabSession | null {
  const { document, presence } = target;
  const name = document ?? auth.treeDocument;
  const [session, setSession] = useState<{ name: string; auth: MesaAuth; value: CollabSession } | null>(null);

  useEffect(() => {
    const opened = openCollabDocument(name, auth, presence(auth));
    const { doc, provider, tracker, connection } = opened;
    let live = true;
    // The document is a resource this effect owns; it is published to render from a microtask.
    queueMicrotask(() => {
      if (live) setSession({ name, auth, value: { doc, provider, tracker, connection, auth } });
    });
    return () => {
      live = false;
      opened.destroy();
    };
    // `presence` is read once per document on purpose: a new function must not reconnect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [name, auth]);

  return session && session.name === name && session.auth === auth ? session.value : null;
}
