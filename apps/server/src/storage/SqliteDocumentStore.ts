import type { Db } from './database';
import type { AppendResult, DocumentStore, LogEntry, StoredDocument } from './DocumentStore';
import { SqliteLogWriter } from './sqlite/SqliteLogWriter';

interface UpdateRow {
  seq: number;
  data: Buffer;
}

/**
 * {@link DocumentStore} on the embedded SQLite file (WAL). Reads run on the main connection; the
 * log's writes — group commits, snapshot replacements, locks — run in order on a
 * {@link SqliteLogWriter} thread, so a slow disk never stops the event loop that relays edits.
 */
export class SqliteDocumentStore implements DocumentStore {
  private readonly selectSnapshot;
  private readonly selectTail;
  private readonly countTail;
  private readonly selectLocked;
  private readonly writer: SqliteLogWriter;
  private readonly readConsistently: (name: string) => StoredDocument & { fromSeq: number; lastSeq: number };

  constructor(db: Db) {
    this.selectSnapshot = db.prepare('SELECT state, last_seq FROM document_snapshots WHERE name = ?');
    this.selectTail = db.prepare('SELECT seq, data FROM document_updates WHERE name = ? AND seq > ? ORDER BY seq');
    this.countTail = db.prepare('SELECT COUNT(*) AS n FROM document_updates WHERE name = ?');
    this.selectLocked = db.prepare('SELECT 1 FROM document_locks WHERE name = ? LIMIT 1');
    const synchronous = db.pragma('synchronous', { simple: true }) === 2 ? 'FULL' : 'NORMAL';
    this.writer = new SqliteLogWriter(db.name, synchronous);
    this.readConsistently = db.transaction((name: string) => this.readOnce(name));
  }

  /**
   * Snapshot and tail in one read transaction: the writer thread may commit a compaction between
   * two separate SELECTs, and the old snapshot would come back without the tail it just folded.
   */
  private read(name: string): StoredDocument & { fromSeq: number; lastSeq: number } {
    return this.readConsistently(name);
  }

  private readOnce(name: string): StoredDocument & { fromSeq: number; lastSeq: number } {
    const snap = this.selectSnapshot.get(name) as { state: Buffer; last_seq: number } | undefined;
    const after = snap?.last_seq ?? 0;
    const rows = this.selectTail.all(name, after) as UpdateRow[];
    return {
      snapshot: snap ? new Uint8Array(snap.state) : null,
      updates: rows.map((r) => new Uint8Array(r.data)),
      fromSeq: after,
      lastSeq: rows.length > 0 ? (rows[rows.length - 1] as UpdateRow).seq : after,
    };
  }

  load(name: string): Promise<StoredDocument> {
    const { snapshot, updates } = this.read(name);
    return Promise.resolve({ snapshot, updates });
  }

  async appendUpdates(entries: readonly LogEntry[]): Promise<AppendResult> {
    return { refused: await this.writer.append(entries, new Date().toISOString()) };
  }

  lockDocuments(names: readonly string[], commitmentId: string): Promise<void> {
    return this.writer.lock(names, commitmentId, new Date().toISOString());
  }

  unlockDocuments(commitmentId: string): Promise<void> {
    return this.writer.unlock(commitmentId);
  }

  lockedDocuments(names: readonly string[]): Promise<Set<string>> {
    return Promise.resolve(new Set(names.filter((n) => this.selectLocked.get(n) !== undefined)));
  }

  /** Why the writer stopped confirming (its files were replaced or removed), or `null`. */
  problem(): string | null {
    return this.writer.problem;
  }

  tailLength(name: string): Promise<number> {
    return Promise.resolve((this.countTail.get(name) as { n: number }).n);
  }

  /**
   * Reads here, merges with `merge` (the server's runs on a thread of its own), writes on the writer thread. Only this process writes the file and
   * compactions of a document are serialized by the caller, so the snapshot cannot move between
   * the read and the write; the writer still checks, and folds nothing if it did.
   */
  async compact(name: string, merge: (doc: StoredDocument) => Uint8Array | Promise<Uint8Array>): Promise<number> {
    const doc = this.read(name);
    if (doc.updates.length === 0) return 0;
    const state = await merge({ snapshot: doc.snapshot, updates: doc.updates });
    const replaced = await this.writer.replaceSnapshot(name, state, doc.fromSeq, doc.lastSeq, new Date().toISOString());
    return replaced ? doc.updates.length : 0;
  }

  /** Stops the writer thread after the writes in flight. */
  close(): Promise<void> {
    return this.writer.close();
  }
}
