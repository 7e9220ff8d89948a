import type { Connection, Document } from '@hocuspocus/server';
import * as Y from 'yjs';
import type { DocumentStore } from '../storage/DocumentStore';
import { mergeStored } from './DocumentCompactor';

/**
 * Server-side reads of shared documents: the live document when Hocuspocus has it loaded (what
 * everyone currently sees), otherwise a temporary copy from snapshot + log.
 */
export class DocumentAccess {
  /** `loaded` returns Hocuspocus' map of loaded documents (it exists only once Hocuspocus does). */
  constructor(
    private readonly loaded: () => ReadonlyMap<string, Document>,
    private readonly store: DocumentStore,
  ) {}

  /** The live document, if loaded. */
  live(name: string): Y.Doc | undefined {
    return this.loaded().get(name);
  }

  /** The connections currently on a document. */
  connections(name: string): Connection[] {
    return this.loaded().get(name)?.getConnections() ?? [];
  }

  /** Runs `read` on the document's current state. */
  async read<T>(name: string, read: (doc: Y.Doc) => T): Promise<T> {
    const live = this.live(name);
    if (live) return read(live);
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, mergeStored(await this.store.load(name)));
      return read(doc);
    } finally {
      doc.destroy();
    }
  }
}
