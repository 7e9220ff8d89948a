import type { Connection, Document } from '@hocuspocus/server';
import * as Y from 'yjs';
import type { DocumentStore } from '../storage/DocumentStore';
import { applyStored } from './DocumentCompactor';

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

  /** Names of the documents loaded now. */
  loadedNames(): string[] {
    return [...this.loaded().keys()];
  }

  /** The connections currently on a document. */
  connections(name: string): Connection[] {
    return this.loaded().get(name)?.getConnections() ?? [];
  }

  /** Runs `read` on the document's current state. */
  async read<T>(name: string, read: (doc: Y.Doc) => T): Promise<T> {
    const live = this.live(name);
    if (live) return read(live);
    return this.readStored(name, read);
  }

  /**
   * Runs `read` on the document as stored: with several instances, the one authoritative state
   * (the live copy here may still miss updates another instance logged and Redis has not yet
   * relayed).
   */
  async readStored<T>(name: string, read: (doc: Y.Doc) => T): Promise<T> {
    const doc = new Y.Doc();
    try {
      applyStored(doc, await this.store.load(name));
      return read(doc);
    } finally {
      doc.destroy();
    }
  }
}
