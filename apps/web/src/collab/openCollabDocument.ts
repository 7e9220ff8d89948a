import { SaveTracker } from '@cocrea/collab';
import { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { collabUrl } from './collabUrl';
import { ConnectionTracker } from './ConnectionTracker';
import type { MesaAuth } from './mesaAuth';

/** One open shared document: the Y.Doc, its provider, "Guardado" and connection trackers. */
export interface CollabDocument {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  tracker: SaveTracker;
  connection: ConnectionTracker;
  /** Closes the provider and frees everything. */
  destroy(): void;
}

/**
 * Opens a shared document on the `/collab` socket with the mesa's token function (asked again
 * on every reconnect) and publishes `presence` through awareness.
 */
export function openCollabDocument(name: string, auth: MesaAuth, presence: Record<string, unknown>): CollabDocument {
  const doc = new Y.Doc();
  const provider = new HocuspocusProvider({ url: collabUrl(), name, document: doc, token: () => auth.token() });
  provider.awareness?.setLocalState(presence);
  const tracker = new SaveTracker(doc, provider);
  const connection = new ConnectionTracker(provider);
  return {
    doc,
    provider,
    tracker,
    connection,
    destroy() {
      connection.destroy();
      tracker.destroy();
      provider.destroy();
      doc.destroy();
    },
  };
}
