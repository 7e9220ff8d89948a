/** A document as persisted: its latest snapshot plus the updates logged after it. */
export interface StoredDocument {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
}

/** One update to append to a document's log. */
export interface LogEntry {
  name: string;
  data: Uint8Array;
}

/** What an append did. */
export interface AppendResult {
  /** Documents whose entries were not written because the document is locked (finalized). */
  refused: ReadonlySet<string>;
}

/**
 * Where documents live. Implementations must make `appendUpdates` atomic and durable when its
 * promise resolves: the server tells clients "Guardado" on the strength of it.
 */
export interface DocumentStore {
  /** Snapshot + log tail of a document (empty when it was never stored). */
  load(name: string): Promise<StoredDocument>;
  /**
   * Appends entries of any documents in one durable transaction, except those of locked
   * documents, which it refuses (see {@link lockDocuments}).
   */
  appendUpdates(entries: readonly LogEntry[]): Promise<AppendResult>;
  /**
   * Locks documents on behalf of a finalized commitment, on every instance sharing the store:
   * waits for appends to them that are in flight, after which every append to them is refused
   * until {@link unlockDocuments}. A document stays locked while any commitment holds it.
   */
  lockDocuments(names: readonly string[], commitmentId: string): Promise<void>;
  /** Releases every lock `commitmentId` holds. */
  unlockDocuments(commitmentId: string): Promise<void>;
  /** Which of `names` are locked now (some commitment holds a {@link lockDocuments} lock on them). */
  lockedDocuments(names: readonly string[]): Promise<Set<string>>;
  /**
   * Why the store has stopped confirming writes for good (e.g. its SQLite files were removed
   * under it), or `null`. Until a restart every append fails and nothing more is called durable.
   */
  problem?(): string | null;
  /** Number of updates logged after the snapshot. */
  tailLength(name: string): Promise<number>;
  /**
   * Replaces snapshot + tail with `merge(snapshot + tail)` atomically; updates appended
   * meanwhile stay in the log. Returns how many log entries were folded in.
   */
  compact(name: string, merge: (doc: StoredDocument) => Uint8Array | Promise<Uint8Array>): Promise<number>;
}
