import type { KitFramingInput, KitItem, ParticipantKit, Stamp } from '@cocrea/domain';
import type { Db } from './database';
import { RecordConflictError } from './ExerciseStorage';
import { fileOf, toJson, toJsonOrNull, toKit, type ExerciseMesaRow, type KitItemRow } from './exerciseRows';
import { isUniqueViolation } from './sqlite/asPromise';

/** The mesas of each exercise and their participant kits, on SQLite. */
export class KitStore {
  constructor(private readonly db: Db) {}

  /** Links a mesa to an exercise; {@link RecordConflictError} when it already belongs to one. */
  linkMesa(exerciseId: string, mesaId: string, at: string): void {
    try {
      this.db.prepare('INSERT INTO exercise_mesas (mesa_id, exercise_id, linked_at) VALUES (?, ?, ?)').run(mesaId, exerciseId, at);
    } catch (err) {
      if (isUniqueViolation(err)) throw new RecordConflictError(`mesa ${mesaId}`);
      throw err;
    }
  }

  /** Mesa ids of the exercise, in the order they were linked. */
  mesasOf(exerciseId: string): string[] {
    return (this.db.prepare('SELECT mesa_id FROM exercise_mesas WHERE exercise_id = ? ORDER BY rowid').all(exerciseId) as { mesa_id: string }[]).map((r) => r.mesa_id);
  }

  /** The exercise a mesa belongs to. */
  exerciseOf(mesaId: string): string | undefined {
    return (this.db.prepare('SELECT exercise_id FROM exercise_mesas WHERE mesa_id = ?').get(mesaId) as { exercise_id: string } | undefined)?.exercise_id;
  }

  /** The kit of a linked mesa, or `null`. */
  kit(mesaId: string): ParticipantKit | null {
    return this.db.transaction(() => {
      const r = this.db.prepare('SELECT * FROM exercise_mesas WHERE mesa_id = ?').get(mesaId) as ExerciseMesaRow | undefined;
      if (!r) return null;
      return toKit(r, this.db.prepare('SELECT * FROM kit_items WHERE mesa_id = ? ORDER BY rowid').all(mesaId) as KitItemRow[]);
    })();
  }

  /** Sets the public problem and the consultation it comes from. */
  setFraming(mesaId: string, framing: KitFramingInput): void {
    this.db.prepare('UPDATE exercise_mesas SET public_problem = ?, consultation = ? WHERE mesa_id = ?').run(framing.publicProblem, toJsonOrNull(framing.consultation), mesaId);
  }

  /** Adds a document to the kit. */
  addItem(mesaId: string, item: KitItem): void {
    this.db
      .prepare('INSERT INTO kit_items (id, mesa_id, title, description, moment, document, file_sha256, added) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(item.id, mesaId, item.title, item.description, item.moment, toJson(item.document), fileOf(item.document), toJson(item.added));
  }

  /** Makes the kit public. */
  publish(mesaId: string, stamp: Stamp): void {
    this.db.prepare('UPDATE exercise_mesas SET kit_published = ? WHERE mesa_id = ?').run(toJson(stamp), mesaId);
  }
}
