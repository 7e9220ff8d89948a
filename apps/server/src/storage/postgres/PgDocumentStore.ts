import type { Pool } from 'pg';
import type { AppendResult, DocumentStore, LogEntry, StoredDocument } from '../DocumentStore';
import { bytes, transaction, valuesOf } from './sql';

/** Rows per INSERT statement: 3 parameters each, far below PostgreSQL's 65 535. */
const ROWS_PER_STATEMENT = 1000;

/** The advisory lock key of document `n` (shared by appends, exclusive for `lockDocuments`). */
const DOCUMENT_LOCK = "hashtext('cocrea.document'), hashtext(n)";

/** Snapshot (kind 0) and every logged update (kind 1) of a document, read in one statement. */
const READ_DOCUMENT = `
  SELECT 0 AS kind, state AS data, NULL::bigint AS seq FROM document_snapshots WHERE name = $1
  UNION ALL
  SELECT 1, data, seq FROM document_updates WHERE name = $1
  ORDER BY kind, seq`;

interface DocumentRow {
  kind: number;
  data: Buffer;
  /** BIGINT, which node-postgres returns as a string. */
  seq: string | null;
}

const toStored = (rows: readonly DocumentRow[]): StoredDocument & { seqs: string[] } => {
  const snap = rows[0]?.kind === 0 ? rows[0] : undefined;
  const updates = rows.filter((r) => r.kind === 1);
  return {
    snapshot: snap ? new Uint8Array(snap.data) : null,
    updates: updates.map((r) => new Uint8Array(r.data)),
    seqs: updates.map((r) => r.seq as string),
  };
};

/**
 * {@link DocumentStore} on PostgreSQL. The log tail is *every* update row of a document, not only
 * those numbered after the snapshot's `last_seq`: identities are handed out at INSERT but become
 * visible at COMMIT, so with several writers a lower number can appear after a compaction folded
 * a higher one. Compaction therefore deletes exactly the rows it folded, and the rows left are
 * precisely the updates the snapshot lacks (Yjs updates apply in any order).
 */
export class PgDocumentStore implements DocumentStore {
  constructor(private readonly pool: Pool) {}

  async load(name: string): Promise<StoredDocument> {
    // One statement, one MVCC snapshot: never an old snapshot with an already-compacted tail.
    const { rows } = await this.pool.query<DocumentRow>(READ_DOCUMENT, [name]);
    const { snapshot, updates } = toStored(rows);
    return { snapshot, updates };
  }

  async appendUpdates(entries: readonly LogEntry[]): Promise<AppendResult> {
    if (entries.length === 0) return { refused: new Set() };
    const names = [...new Set(entries.map((e) => e.name))].sort();
    const now = new Date().toISOString();
    // Durable once COMMIT returns (synchronous_commit).
    return transaction(this.pool, async (client) => {
      // Shared per-document locks, in name order: appends never wait for each other, only for a
      // `lockDocuments` of the same document, which waits for them in turn.
      await client.query(`SELECT pg_advisory_xact_lock_shared(${DOCUMENT_LOCK}) FROM unnest($1::text[]) AS n`, [names]);
      const { rows } = await client.query<{ name: string }>('SELECT DISTINCT name FROM document_locks WHERE name = ANY($1::text[])', [names]);
      const refused = new Set(rows.map((r) => r.name));
      const writable = refused.size > 0 ? entries.filter((e) => !refused.has(e.name)) : entries;
      for (let i = 0; i < writable.length; i += ROWS_PER_STATEMENT) {
        const { sql, params } = valuesOf(writable.slice(i, i + ROWS_PER_STATEMENT).map((e) => [e.name, bytes(e.data), now]));
        await client.query(`INSERT INTO document_updates (name, data, created_at) VALUES ${sql}`, params);
      }
      return { refused };
    });
  }

  async lockDocuments(names: readonly string[], commitmentId: string): Promise<void> {
    const sorted = [...new Set(names)].sort();
    await transaction(this.pool, async (client) => {
      // Exclusive: waits for every append to these documents in flight on any instance.
      await client.query(`SELECT pg_advisory_xact_lock(${DOCUMENT_LOCK}) FROM unnest($1::text[]) AS n`, [sorted]);
      await client.query(
        'INSERT INTO document_locks (name, commitment_id, locked_at) SELECT n, $2, $3 FROM unnest($1::text[]) AS n ON CONFLICT DO NOTHING',
        [sorted, commitmentId, new Date().toISOString()],
      );
    });
  }

  async unlockDocuments(commitmentId: string): Promise<void> {
    await this.pool.query('DELETE FROM document_locks WHERE commitment_id = $1', [commitmentId]);
  }

  async lockedDocuments(names: readonly string[]): Promise<Set<string>> {
    const { rows } = await this.pool.query<{ name: string }>('SELECT DISTINCT name FROM document_locks WHERE name = ANY($1::text[])', [[...names]]);
    return new Set(rows.map((r) => r.name));
  }

  async tailLength(name: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM document_updates WHERE name = $1', [name]);
    return rows[0]?.n ?? 0;
  }

  compact(name: string, merge: (doc: StoredDocument) => Uint8Array | Promise<Uint8Array>): Promise<number> {
    return transaction(this.pool, async (client) => {
      // One compaction per document across every instance; appends are never blocked.
      await client.query("SELECT pg_advisory_xact_lock(hashtext('cocrea.compact'), hashtext($1))", [name]);
      const { rows } = await client.query<DocumentRow>(READ_DOCUMENT, [name]);
      const doc = toStored(rows);
      if (doc.updates.length === 0) return 0;
      const state = await merge({ snapshot: doc.snapshot, updates: doc.updates });
      await client.query(
        `INSERT INTO document_snapshots (name, state, last_seq, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (name) DO UPDATE SET state = excluded.state,
           last_seq = GREATEST(document_snapshots.last_seq, excluded.last_seq), updated_at = excluded.updated_at`,
        [name, bytes(state), doc.seqs[doc.seqs.length - 1], new Date().toISOString()],
      );
      await client.query('DELETE FROM document_updates WHERE seq = ANY($1::bigint[])', [doc.seqs]);
      return doc.updates.length;
    });
  }
}
