import type { Db } from './database';
import type { DocumentStore, LogEntry, StoredDocument } from './DocumentStore';

interface UpdateRow {
  seq: number;
  data: Buffer;
}

/** {@link DocumentStore} on the embedded SQLite file (WAL, one transaction per group commit). */
export class SqliteDocumentStore implements DocumentStore {
  private readonly insertUpdate;
  private readonly selectSnapshot;
  private readonly selectTail;
  private readonly countTail;

  constructor(private readonly db: Db) {
    this.insertUpdate = db.prepare('INSERT INTO document_updates (name, data, created_at) VALUES (?, ?, ?)');
    this.selectSnapshot = db.prepare('SELECT state, last_seq FROM document_snapshots WHERE name = ?');
    this.selectTail = db.prepare('SELECT seq, data FROM document_updates WHERE name = ? AND seq > ? ORDER BY seq');
    this.countTail = db.prepare('SELECT COUNT(*) AS n FROM document_updates WHERE name = ?');
  }

  private read(name: string): StoredDocument & { lastSeq: number } {
    const snap = this.selectSnapshot.get(name) as { state: Buffer; last_seq: number } | undefined;
    const after = snap?.last_seq ?? 0;
    const rows = this.selectTail.all(name, after) as UpdateRow[];
    return {
      snapshot: snap ? new Uint8Array(snap.state) : null,
      updates: rows.map((r) => new Uint8Array(r.data)),
      lastSeq: rows.length > 0 ? (rows[rows.length - 1] as UpdateRow).seq : after,
    };
  }

  load(name: string): Promise<StoredDocument> {
    const { snapshot, updates } = this.read(name);
    return Promise.resolve({ snapshot, updates });
  }

  appendUpdates(entries: readonly LogEntry[]): Promise<void> {
    const now = new Date().toISOString();
    this.db.transaction(() => {
      for (const e of entries) this.insertUpdate.run(e.name, e.data, now);
    })();
    return Promise.resolve();
  }

  tailLength(name: string): Promise<number> {
    return Promise.resolve((this.countTail.get(name) as { n: number }).n);
  }

  compact(name: string, merge: (doc: StoredDocument) => Uint8Array): Promise<number> {
    const folded = this.db.transaction(() => {
      const doc = this.read(name);
      if (doc.updates.length === 0) return 0;
      const state = merge(doc);
      this.db
        .prepare(
          `INSERT INTO document_snapshots (name, state, last_seq, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (name) DO UPDATE SET state = excluded.state, last_seq = excluded.last_seq, updated_at = excluded.updated_at`,
        )
        .run(name, state, doc.lastSeq, new Date().toISOString());
      this.db.prepare('DELETE FROM document_updates WHERE name = ? AND seq <= ?').run(name, doc.lastSeq);
      return doc.updates.length;
    })();
    return Promise.resolve(folded);
  }
}
