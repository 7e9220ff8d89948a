import type { onCloseParameters } from '@hocuspocus/provider';
import { CloseCode } from '@cocrea/collab';
import { useEffect, useState } from 'react';
import type { MesaAuth } from '../collab/mesaAuth';
import { useCollabSession, type CollabSession } from '../collab/useCollabConnection';

/**
 * Close codes after which reconnecting would only resend a refused change: a broken annotation
 * rule (`forbidden:<rule>`) or an ended access (4403), a full document (4413), invalid content (4422).
 */
const FINAL: readonly number[] = [CloseCode.Forbidden, CloseCode.DocumentTooLarge, CloseCode.InvalidContent];

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
      if (!FINAL.includes(event.code)) return;
      setClosed({ provider, reason: event.reason });
      provider.disconnect();
    };
    provider.on('close', onClose);
    return () => {
      provider.off('close', onClose);
    };
  }, [provider]);

  const mine = provider !== null && closed?.provider === provider ? closed : null;
  const refused = mine !== null && (mine.reason.startsWith('forbidden:') || mine.reason.startsWith('invalid:') || mine.reason === 'document-too-large');
  return { session, refused, ended: mine !== null };
}
