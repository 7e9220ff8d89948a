import type { onCloseParameters } from '@hocuspocus/provider';
import { useEffect, useState } from 'react';
import type { MesaAuth } from '../collab/mesaAuth';
import { useCollabSession, type CollabSession } from '../collab/useCollabConnection';

/** The close code of a refused annotations update (`forbidden:<rule>`) or of an ended access. */
const FORBIDDEN = 4403;

/** The mesa's annotations document, and whether the server shut us out of it. */
export interface AnnotationsDocument {
  session: CollabSession | null;
  /** The server refused a change of ours (`forbidden:<rule>`): our copy holds what it never stored. */
  refused: boolean;
  /** The server closed the document for good (4403: refused change, revoked access, closed mesa). */
  ended: boolean;
}

/**
 * Opens `mesa:<id>:annotations` with the person's credentials, beside the tree. After a 4403 the
 * provider stops: reconnecting would resend the same change and be refused again (or knock on a
 * door that is closed). The tree's banner explains an ended access; the panel, a refused change.
 */
export function useAnnotationsDocument(auth: MesaAuth): AnnotationsDocument {
  const session = useCollabSession(auth, { document: auth.documents.annotations, presence: () => ({}) });
  const provider = session?.provider ?? null;
  const [closed, setClosed] = useState<{ provider: object; reason: string } | null>(null);

  useEffect(() => {
    if (!provider) return;
    const onClose = ({ event }: onCloseParameters) => {
      if (event.code !== FORBIDDEN) return;
      setClosed({ provider, reason: event.reason });
      provider.disconnect();
    };
    provider.on('close', onClose);
    return () => {
      provider.off('close', onClose);
    };
  }, [provider]);

  const mine = provider !== null && closed?.provider === provider ? closed : null;
  return { session, refused: mine?.reason.startsWith('forbidden:') ?? false, ended: mine !== null };
}
