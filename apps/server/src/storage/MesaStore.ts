import type { MesaInput, MesaStatus } from '@cocrea/domain';
import type { Db } from './database';
import { MESA_COLUMNS, toMesa, type MesaRow } from './rows';
import type { MesaRecord } from './Storage';

/** Mesas as records. Creating one also writes its seeded documents, atomically. */
export class MesaStore {
  constructor(private readonly db: Db) {}

  /** Inserts a mesa and, in the same transaction, the initial state of its documents. */
  create(id: string, input: MesaInput, createdAt: string, documents: ReadonlyMap<string, Uint8Array>): MesaRecord {
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
    return { id, ...input, createdAt, joinOpen: true, status: 'abierta' };
  }

  /** The mesa, or `undefined`. */
  get(id: string): MesaRecord | undefined {
    const row = this.db.prepare(`SELECT ${MESA_COLUMNS} FROM mesas WHERE id = ?`).get(id) as MesaRow | undefined;
    return row ? toMesa(row) : undefined;
  }

  /** Every mesa (or those in `ids`), newest first. */
  list(limit = 200, ids?: readonly string[]): MesaRecord[] {
    if (ids && ids.length === 0) return [];
    const where = ids ? `WHERE id IN (SELECT value FROM json_each(?))` : '';
    const rows = this.db
      .prepare(`SELECT ${MESA_COLUMNS} FROM mesas ${where} ORDER BY created_at DESC, id LIMIT ?`)
      .all(...(ids ? [JSON.stringify(ids)] : []), limit) as MesaRow[];
    return rows.map(toMesa);
  }

  /** Opens or closes the join link, closes or reopens the mesa. */
  update(id: string, changes: { joinOpen?: boolean; status?: MesaStatus }): MesaRecord | undefined {
    this.db
      .prepare('UPDATE mesas SET join_open = COALESCE(?, join_open), status = COALESCE(?, status) WHERE id = ?')
      .run(changes.joinOpen === undefined ? null : changes.joinOpen ? 1 : 0, changes.status ?? null, id);
    return this.get(id);
  }
}
