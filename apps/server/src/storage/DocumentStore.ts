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

/**
 * Where documents live. Implementations must make `appendUpdates` atomic and durable when its
 * promise resolves: the server tells clients "Guardado" on the strength of it.
 */
export interface DocumentStore {
  /** Snapshot + log tail of a document (empty when it was never stored). */
  load(name: string): Promise<StoredDocument>;
  /** Appends entries of any documents in one durable transaction. */
  appendUpdates(entries: readonly LogEntry[]): Promise<void>;
  /** Number of updates logged after the snapshot. */
  tailLength(name: string): Promise<number>;
  /**
   * Replaces snapshot + tail with `merge(snapshot + tail)` atomically; updates appended
   * meanwhile stay in the log. Returns how many log entries were folded in.
   */
  compact(name: string, merge: (doc: StoredDocument) => Uint8Array): Promise<number>;
}
