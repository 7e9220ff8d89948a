import type { Mesa, MesaInput } from '@cocrea/domain';
import type { Pool } from 'pg';
import type { MesaRepository } from '../Storage';
import { bytes, transaction, valuesOf } from './sql';
import { toMesa, type MesaRow } from '../rows';

/** {@link MesaRepository} on PostgreSQL. */
export class PgMesaRepository implements MesaRepository {
  constructor(private readonly pool: Pool) {}

  async create(id: string, input: MesaInput, createdAt: string, documents: ReadonlyMap<string, Uint8Array>): Promise<Mesa> {
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
    return { id, ...input, createdAt };
  }

  async get(id: string): Promise<Mesa | undefined> {
    const { rows } = await this.pool.query<MesaRow>('SELECT id, title, topic, description, created_at FROM mesas WHERE id = $1', [id]);
    return rows[0] ? toMesa(rows[0]) : undefined;
  }

  async list(limit = 200): Promise<Mesa[]> {
    // COLLATE "C": byte order, as SQLite sorts, whatever the database's locale.
    const { rows } = await this.pool.query<MesaRow>(
      `SELECT id, title, topic, description, created_at FROM mesas
       ORDER BY created_at COLLATE "C" DESC, id COLLATE "C" LIMIT $1`,
      [limit],
    );
    return rows.map(toMesa);
  }
}
