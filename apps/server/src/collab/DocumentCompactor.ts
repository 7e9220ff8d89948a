import * as Y from 'yjs';
import type { Logger } from '../logger';
import type { DocumentStore, StoredDocument } from '../storage/DocumentStore';

/** Applies snapshot + log to `y`, skipping (and reporting) a logged update that cannot be read. */
export function applyStored(y: Y.Doc, doc: StoredDocument, onBadUpdate: (err: unknown) => void = () => {}): void {
  if (doc.snapshot) Y.applyUpdate(y, doc.snapshot);
  for (const u of doc.updates) {
    try {
      Y.applyUpdate(y, u);
    } catch (err) {
      onBadUpdate(err);
    }
  }
}

/** Folds snapshot + log into one update (applied to a Y.Doc so deleted content is collected). */
export function mergeStored(doc: StoredDocument, onBadUpdate: (err: unknown) => void = () => {}): Uint8Array {
  const y = new Y.Doc();
  applyStored(y, doc, onBadUpdate);
  const state = Y.encodeStateAsUpdate(y);
  y.destroy();
  return state;
}

/** How a compaction folds a document: {@link mergeStored} here, or on a `MergeThread`. */
export type Merge = (doc: StoredDocument, onBadUpdate: (message: string) => void) => Uint8Array | Promise<Uint8Array>;

const mergeHere: Merge = (doc, onBadUpdate) => mergeStored(doc, (err) => onBadUpdate(err instanceof Error ? err.message : String(err)));

/**
 * Keeps every document's log short: once `threshold` updates pile up after its snapshot (or when
 * the document is unloaded), snapshot + log become the new snapshot. One compaction at a time,
 * off the acknowledgement path; the server folds on a `MergeThread`, off the event loop.
 */
export class DocumentCompactor {
  private readonly tail = new Map<string, number>();
  private readonly queued = new Set<string>();
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: DocumentStore,
    private readonly threshold: number,
    private readonly logger: Logger,
    private readonly merge: Merge = mergeHere,
  ) {}

  /** Loads a document and remembers how long its log tail is. */
  async load(name: string): Promise<StoredDocument> {
    const stored = await this.store.load(name);
    this.tail.set(name, stored.updates.length);
    if (stored.updates.length >= this.threshold) void this.compactSoon(name);
    return stored;
  }

  /** Counts newly committed updates; schedules compaction of documents past the threshold. */
  committed(counts: ReadonlyMap<string, number>): void {
    for (const [name, added] of counts) {
      const n = (this.tail.get(name) ?? 0) + added;
      this.tail.set(name, n);
      if (n >= this.threshold) void this.compactSoon(name);
    }
  }

  /** Queues one compaction of `name`; resolves when it has run. */
  compactSoon(name: string): Promise<void> {
    if (this.queued.has(name)) return this.chain;
    this.queued.add(name);
    this.chain = this.chain.then(async () => {
      this.queued.delete(name);
      try {
        const folded = await this.store.compact(name, (doc) =>
          this.merge(doc, (reason) => this.logger.error({ reason, name }, 'skipped an unreadable logged update')),
        );
        this.tail.set(name, Math.max(0, (this.tail.get(name) ?? 0) - folded));
        if (folded > 0) this.logger.debug({ name, folded }, 'compacted');
      } catch (err) {
        this.logger.error({ err, name }, 'compaction failed; the log is intact and will be retried');
      }
    });
    return this.chain;
  }

  /** Compacts a document that left memory and stops counting its log. */
  async unloaded(name: string): Promise<void> {
    await this.compactSoon(name);
    this.tail.delete(name);
  }

  /** Resolves once every queued compaction has run. */
  idle(): Promise<void> {
    return this.chain;
  }
}
