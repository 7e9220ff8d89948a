import type { MesaInput, MesaStatus } from '@cocrea/domain';
import type { Pool } from 'pg';
import type { MesaRecord, MesaRepository } from '../Storage';
import { bytes, transaction, valuesOf } from './sql';
import { MESA_COLUMNS, toMesa, type MesaRow } from '../rows';

/** {@link MesaRepository} on PostgreSQL. */
export class PgMesaRepository implements MesaRepository {
  constructor(private readonly pool: Pool) {}

  async create(id: string, input: MesaInput, createdAt: string, documents: ReadonlyMap<string, Uint8Array>): Promise<MesaRecord> {
    await transaction(this.pool, async (client) => {
      await client.query('INSERT INTO mesas (id, title, topic, description, created_at) VALUES ($1, $2, $3, $4, $5)', [
        id,
        input.title,
        input.topic,
        input.description,
        createdAt,
      ]);
      if (documents.size === 0) return;
      const { sql, params } = valuesOf([...documents].map(([name, state]) => [name, bytes(state), 0, createdAt]));
      await client.query(`INSERT INTO document_snapshots (name, state, last_seq, updated_at) VALUES ${sql}`, params);
    });
    return { id, ...input, createdAt, joinOpen: true, status: 'abierta' };
  }

  async get(id: string): Promise<MesaRecord | undefined> {
    const { rows } = await this.pool.query<MesaRow>(`SELECT ${MESA_COLUMNS} FROM mesas WHERE id = $1`, [id]);
    return rows[0] ? toMesa(rows[0]) : undefined;
  }

  async list(limit = 200, ids?: readonly string[]): Promise<MesaRecord[]> {
    if (ids && ids.length === 0) return [];
    // COLLATE "C": byte order, as SQLite sorts, whatever the database's locale.
    const { rows } = await this.pool.query<MesaRow>(
      `SELECT ${MESA_COLUMNS} FROM mesas ${ids ? 'WHERE id = ANY($2::text[])' : ''}
       ORDER BY created_at COLLATE "C" DESC, id COLLATE "C" LIMIT $1`,
      ids ? [limit, [...ids]] : [limit],
    );
    return rows.map(toMesa);
  }

  async update(id: string, changes: { joinOpen?: boolean; status?: MesaStatus }): Promise<MesaRecord | undefined> {
    const { rows } = await this.pool.query<MesaRow>(
      `UPDATE mesas SET join_open = COALESCE($2, join_open), status = COALESCE($3, status) WHERE id = $1 RETURNING ${MESA_COLUMNS}`,
      [id, changes.joinOpen ?? null, changes.status ?? null],
    );
    return rows[0] ? toMesa(rows[0]) : undefined;
  }
}
