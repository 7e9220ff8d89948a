import { parseDocumentName, roadmapDocumentName, treeDocumentName } from '@cocrea/collab';
import type { CommitmentRepository } from '../storage/Storage';
import type { DocumentAccess } from './DocumentAccess';

/** Stateless message telling clients a document became read-only (or writable again). */
export type LockMessage = { type: 'locked'; version: number } | { type: 'unlocked' };

/**
 * Read-only documents after finalization. A roadmap is locked while its commitment is finalized;
 * a tree while any commitment of its mesa is. New connections get `readOnly` at authentication;
 * live ones are switched here, and Hocuspocus then answers their writes with `SyncStatus(false)`
 * and never stores or relays them.
 */
export class DocumentLocks {
  constructor(
    private readonly commitments: CommitmentRepository,
    private readonly docs: DocumentAccess,
  ) {}

  /** Whether `documentName` is read-only now. */
  async isLocked(documentName: string): Promise<boolean> {
    const a = parseDocumentName(documentName);
    if (!a) return false;
    if (a.kind === 'tree') return this.commitments.treeLocked(a.mesaId);
    return (await this.commitments.get(a.commitmentId ?? ''))?.editable === false;
  }

  /** The documents finalizing a commitment freezes. */
  documentsOf(mesaId: string, commitmentId: string): string[] {
    return [treeDocumentName(mesaId), roadmapDocumentName(mesaId, commitmentId)];
  }

  /**
   * Makes every live connection of `names` read-only, then waits until each has finished the
   * messages it was already processing, so that no write is half-way through when the caller
   * reads the documents.
   */
  async freeze(names: readonly string[]): Promise<void> {
    const conns = names.flatMap((n) => this.docs.connections(n));
    for (const c of conns) c.readOnly = true;
    await Promise.all(conns.map((c) => c.waitForPendingMessages()));
  }

  /** Re-applies the stored lock state to live connections and tells clients. */
  async settle(names: readonly string[], message: LockMessage): Promise<void> {
    for (const n of names) {
      const locked = await this.isLocked(n);
      for (const c of this.docs.connections(n)) {
        c.readOnly = locked;
        c.sendStateless(JSON.stringify(locked ? message : ({ type: 'unlocked' } satisfies LockMessage)));
      }
    }
  }
}
