import type { KitFramingInput, KitItem, ParticipantKit, Stamp } from '@cocrea/domain';
import type { Pool } from 'pg';
import { RecordConflictError, type KitRepository } from '../ExerciseStorage';
import { fileOf, toJson, toJsonOrNull, toKit, type ExerciseMesaRow, type KitItemRow } from '../exerciseRows';
import { isUniqueViolation, readSnapshot } from './PgExerciseRepository';

/** {@link KitRepository} on PostgreSQL. */
export class PgKitRepository implements KitRepository {
  constructor(private readonly pool: Pool) {}

  async linkMesa(exerciseId: string, mesaId: string, at: string): Promise<void> {
    try {
      await this.pool.query('INSERT INTO exercise_mesas (mesa_id, exercise_id, linked_at) VALUES ($1, $2, $3)', [mesaId, exerciseId, at]);
    } catch (err) {
      if (isUniqueViolation(err)) throw new RecordConflictError(`mesa ${mesaId}`);
      throw err;
    }
  }

  async mesasOf(exerciseId: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ mesa_id: string }>('SELECT mesa_id FROM exercise_mesas WHERE exercise_id = $1 ORDER BY seq', [exerciseId]);
    return rows.map((r) => r.mesa_id);
  }

  async exerciseOf(mesaId: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ exercise_id: string }>('SELECT exercise_id FROM exercise_mesas WHERE mesa_id = $1', [mesaId]);
    return rows[0]?.exercise_id;
  }

  kit(mesaId: string): Promise<ParticipantKit | null> {
    return readSnapshot(this.pool, async (c) => {
      const { rows } = await c.query<ExerciseMesaRow>('SELECT * FROM exercise_mesas WHERE mesa_id = $1', [mesaId]);
      const r = rows[0];
      if (!r) return null;
      const items = await c.query<KitItemRow>('SELECT * FROM kit_items WHERE mesa_id = $1 ORDER BY seq', [mesaId]);
      return toKit(r, items.rows);
    });
  }

  async setFraming(mesaId: string, framing: KitFramingInput): Promise<void> {
    await this.pool.query('UPDATE exercise_mesas SET public_problem = $1, consultation = $2 WHERE mesa_id = $3', [
      framing.publicProblem,
      toJsonOrNull(framing.consultation),
      mesaId,
    ]);
  }

  async addItem(mesaId: string, item: KitItem): Promise<void> {
    await this.pool.query('INSERT INTO kit_items (id, mesa_id, title, description, moment, document, file_sha256, added) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
      item.id,
      mesaId,
      item.title,
      item.description,
      item.moment,
      toJson(item.document),
      fileOf(item.document),
      toJson(item.added),
    ]);
  }

  async publish(mesaId: string, stamp: Stamp): Promise<void> {
    await this.pool.query('UPDATE exercise_mesas SET kit_published = $1 WHERE mesa_id = $2', [toJson(stamp), mesaId]);
  }
}
