import { annotationsDocumentName, parseDocumentName, roadmapDocumentName, treeDocumentName } from '@cocrea/collab';
import type { Logger } from '../logger';
import type { DocumentStore } from '../storage/DocumentStore';
import type { DurableUpdateLog } from '../storage/DurableUpdateLog';
import type { CommitmentRepository } from '../storage/Storage';
import type { CollabContext } from './context';
import type { DocumentAccess } from './DocumentAccess';

/** Stateless message telling clients a document became read-only (or writable again). */
export type LockMessage = { type: 'locked'; version?: number } | { type: 'unlocked' };

/** Tells the other instances that documents' lock state changed (Redis), if there are any. */
export interface LockBroadcast {
  publish(names: readonly string[]): void;
}

/**
 * Read-only documents after finalization, on every instance. A roadmap is locked while its
 * commitment is finalized; a tree while any commitment of its mesa is.
 *
 * Three layers: new connections get `readOnly` at authentication ({@link isLocked}); live ones
 * are switched here, and Hocuspocus then answers their writes with `SyncStatus(false)` and never
 * stores or relays them; and the store itself refuses updates to locked documents
 * (`DocumentStore.lockDocuments`), which is what holds when the writer is connected to another
 * instance that has not heard of the lock yet. Other instances are told through
 * {@link LockBroadcast} and re-read the lock state.
 *
 * Lock state only moves forward until an explicit release: a document counts as locked from the
 * moment the store holds its lock (before the version is written), so no read in the middle of a
 * finalize sees it writable again; the results of re-reads are applied in the order the reads
 * began, never an older one over a newer one; and a re-read prompted by a refused write can only
 * lock. Only a release (reopen, a failed finalize), here or announced by another instance, unlocks.
 */
export class DocumentLocks {
  /** Set once the Redis relay exists (several instances). */
  peers: LockBroadcast | null = null;
  /** Per document: the number of the latest re-read begun, and of the latest one applied. */
  private readonly reads = new Map<string, { begun: number; applied: number }>();

  constructor(
    private readonly commitments: CommitmentRepository,
    private readonly docs: DocumentAccess,
    private readonly store: DocumentStore,
    private readonly updateLog: DurableUpdateLog,
    private readonly log: Logger,
  ) {}

  /** Whether `documentName` is read-only now. */
  async isLocked(documentName: string): Promise<boolean> {
    const a = parseDocumentName(documentName);
    if (!a) return false;
    // The store's lock comes first in a finalize, the commitment's status last.
    if ((await this.store.lockedDocuments([documentName])).has(documentName)) return true;
    // A locked tree's annotations are read-only too (docs/permissions.md).
    if (a.kind === 'tree' || a.kind === 'annotations') return this.commitments.treeLocked(a.mesaId);
    if (a.kind !== 'roadmap') return false;
    return (await this.commitments.get(a.commitmentId ?? ''))?.editable === false;
  }

  /** The documents finalizing a commitment freezes. */
  documentsOf(mesaId: string, commitmentId: string): string[] {
    // Tree and roadmap first (callers destructure them); the tree's annotations freeze with it.
    return [treeDocumentName(mesaId), roadmapDocumentName(mesaId, commitmentId), annotationsDocumentName(mesaId)];
  }

  /**
   * Freezes `names` for `commitmentId` everywhere, so that the stored documents are final when
   * the caller reads them: this instance's live connections become read-only and finish the
   * messages they were processing; whatever they sent is made durable; then the store locks the
   * documents, waiting for appends in flight on any instance and refusing every later one.
   */
  async freeze(names: readonly string[], commitmentId: string): Promise<void> {
    const conns = names.flatMap((n) => this.docs.connections(n));
    for (const c of conns) c.readOnly = true;
    await Promise.all(conns.map((c) => c.waitForPendingMessages()));
    await Promise.all(names.map((n) => this.updateLog.whenDurable(n)));
    await this.store.lockDocuments(names, commitmentId);
    this.peers?.publish(names);
  }

  /** Releases the store locks of a commitment whose finalization failed. */
  async release(commitmentId: string): Promise<void> {
    await this.store.unlockDocuments(commitmentId);
  }

  /** Re-applies the stored lock state to live connections here and on every other instance, and tells clients. */
  async settle(names: readonly string[], message: LockMessage): Promise<void> {
    await this.settleHere(names, message, true);
    this.peers?.publish(names);
  }

  /**
   * Re-reads the lock state of `names` and applies it to this instance's live connections,
   * telling the clients whose state changed (or all of them with `tellAll`). A read that began
   * before one already applied is dropped; with `mayUnlock` false it can only lock.
   */
  async settleHere(names: readonly string[], message: LockMessage = { type: 'locked' }, tellAll = false, mayUnlock = true): Promise<void> {
    for (const n of names) {
      if (this.docs.connections(n).length === 0) continue;
      const reads = this.reads.get(n) ?? { begun: 0, applied: 0 };
      this.reads.set(n, reads);
      const ticket = ++reads.begun;
      const locked = await this.isLocked(n);
      if (ticket < reads.applied) continue;
      if (!locked && !mayUnlock) continue;
      reads.applied = ticket;
      for (const c of this.docs.connections(n)) {
        // Unlocking never lets a read-only role (or a closed mesa's staff) write.
        const readOnly = locked || (c.context as CollabContext).access !== 'write';
        if (c.readOnly === readOnly && !tellAll) continue;
        c.readOnly = readOnly;
        c.sendStateless(JSON.stringify(locked ? message : ({ type: 'unlocked' } satisfies LockMessage)));
      }
    }
  }

  /**
   * Another instance changed the lock state of `names` (or Redis came back and changes may have
   * been missed): re-read and apply it, unlocking too. Fire and forget; failures are logged.
   */
  refresh(names: readonly string[]): void {
    this.settleHere(names).catch((err: unknown) => this.log.error({ err, names }, 'could not re-read document locks'));
  }

  /**
   * The store refused an update to `name`, so it is locked now: every re-read begun before this
   * moment is stale, and the re-read this starts may lock the other connections but never unlock.
   */
  refused(name: string): void {
    const reads = this.reads.get(name) ?? { begun: 0, applied: 0 };
    reads.applied = ++reads.begun;
    this.reads.set(name, reads);
    this.settleHere([name], { type: 'locked' }, false, false).catch((err: unknown) =>
      this.log.error({ err, names: [name] }, 'could not re-read document locks'),
    );
  }
}
