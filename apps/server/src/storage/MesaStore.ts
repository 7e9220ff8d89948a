import type { Mesa, MesaInput } from '@cocrea/domain';
import type { Db } from './database';
import { toMesa, type MesaRow } from './rows';

/** Mesas as records. Creating one also writes its seeded documents, atomically. */
export class MesaStore {
  constructor(private readonly db: Db) {}

  /** Inserts a mesa and, in the same transaction, the initial state of its documents. */
  create(id: string, input: MesaInput, createdAt: string, documents: ReadonlyMap<string, Uint8Array>): Mesa {
    const insertMesa = this.db.prepare(
      'INSERT INTO mesas (id, title, topic, description, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    const insertSnapshot = this.db.prepare(
      'INSERT INTO document_snapshots (name, state, last_seq, updated_at) VALUES (?, ?, 0, ?)',
    );
    this.db.transaction(() => {
      insertMesa.run(id, input.title, input.topic, input.description, createdAt);
      for (const [name, state] of documents) insertSnapshot.run(name, state, createdAt);
    })();
    return { id, ...input, createdAt };
  }

  /** The mesa, or `undefined`. */
  get(id: string): Mesa | undefined {
    const row = this.db.prepare('SELECT * FROM mesas WHERE id = ?').get(id) as MesaRow | undefined;
    return row ? toMesa(row) : undefined;
  }

  /** Every mesa, newest first. */
  list(limit = 200): Mesa[] {
    const rows = this.db.prepare('SELECT * FROM mesas ORDER BY created_at DESC, id LIMIT ?').all(limit) as MesaRow[];
    return rows.map(toMesa);
  }
}
