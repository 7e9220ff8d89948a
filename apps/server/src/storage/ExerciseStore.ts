import type { AwarenessEvent, ExerciseEvent, ExercisePhase, JointDeclaration, PhaseWindow, Stamp, Stm } from '@cocrea/domain';
import type { Db } from './database';
import { RecordConflictError, type ExerciseEventKind, type ExerciseRecord, type NewExercise, type StoredMember } from './ExerciseStorage';
import {
  eventValues,
  memberValues,
  toExercise,
  toJson,
  toJsonOrNull,
  toMember,
  type DeclarationRow,
  type EventRow,
  type ExerciseParts,
  type ExerciseRow,
  type MemberRow,
  type SeatRow,
  type SignatoryRow,
} from './exerciseRows';
import { isUniqueViolation } from './sqlite/asPromise';

/** Exercises, their declaration, events, STM and registry of integrantes, on SQLite. */
export class ExerciseStore {
  constructor(private readonly db: Db) {}

  private parts(id: string): ExerciseParts {
    const planId = this.db.prepare('SELECT id FROM action_plans WHERE exercise_id = ?').get(id) as { id: string } | undefined;
    return {
      declaration: this.db.prepare('SELECT * FROM exercise_declarations WHERE exercise_id = ?').get(id) as DeclarationRow | undefined,
      signatories: this.db.prepare('SELECT * FROM declaration_signatories WHERE exercise_id = ? ORDER BY position').all(id) as SignatoryRow[],
      events: this.db.prepare('SELECT * FROM exercise_events WHERE exercise_id = ? ORDER BY date, rowid').all(id) as EventRow[],
      seats: this.db.prepare('SELECT * FROM stm_seats WHERE exercise_id = ? ORDER BY position').all(id) as SeatRow[],
      planId: planId?.id ?? null,
    };
  }

  /** Creates an exercise; {@link RecordConflictError} when the municipality has one for that period. */
  create(e: NewExercise): ExerciseRecord {
    try {
      this.db
        .prepare(`INSERT INTO exercises (id, municipality, title, start_date, end_date, schedule, created) VALUES (?, ?, ?, ?, ?, '{}', ?)`)
        .run(e.id, e.municipality, e.title, e.period.startDate, e.period.endDate, toJson(e.created));
    } catch (err) {
      if (isUniqueViolation(err)) throw new RecordConflictError('exercise');
      throw err;
    }
    return this.get(e.id) as ExerciseRecord;
  }

  /** The exercise, or `undefined`. */
  get(id: string): ExerciseRecord | undefined {
    const r = this.db.prepare('SELECT * FROM exercises WHERE id = ?').get(id) as ExerciseRow | undefined;
    return r ? toExercise(r, this.parts(id)) : undefined;
  }

  /** Every exercise, newest first. */
  list(): ExerciseRecord[] {
    const rows = this.db.prepare('SELECT * FROM exercises ORDER BY rowid DESC').all() as ExerciseRow[];
    return rows.map((r) => toExercise(r, this.parts(r.id)));
  }

  /** Replaces the planned dates of the phases. */
  setSchedule(id: string, schedule: Partial<Record<ExercisePhase, PhaseWindow>>): void {
    this.db.prepare('UPDATE exercises SET schedule = ? WHERE id = ?').run(toJson(schedule), id);
  }

  /** Replaces the declaration and its signatories in one transaction. */
  setDeclaration(id: string, d: JointDeclaration): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO exercise_declarations (exercise_id, place, document) VALUES (?, ?, ?)
           ON CONFLICT (exercise_id) DO UPDATE SET place = excluded.place, document = excluded.document`,
        )
        .run(id, d.place, toJsonOrNull(d.document));
      this.db.prepare('DELETE FROM declaration_signatories WHERE exercise_id = ?').run(id);
      const insert = this.db.prepare(
        'INSERT INTO declaration_signatories (exercise_id, position, name, role, organization, sector, signed_on) VALUES (?, ?, ?, ?, ?, ?, ?)',
      );
      d.signatories.forEach((s, i) => insert.run(id, i, s.name, s.role, s.organization, s.sector, s.signedOn));
    }).immediate();
  }

  /** Inserts or replaces an event (by id, within the same exercise and kind). */
  saveEvent(exerciseId: string, kind: ExerciseEventKind, e: ExerciseEvent | AwarenessEvent): void {
    let changes: number;
    try {
      changes = this.db
        .prepare(
          `INSERT INTO exercise_events (id, exercise_id, kind, title, date, place, description, evidence, convened_by, audience, attendance, joined_member_ids)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET title = excluded.title, date = excluded.date, place = excluded.place,
             description = excluded.description, evidence = excluded.evidence, convened_by = excluded.convened_by,
             audience = excluded.audience, attendance = excluded.attendance, joined_member_ids = excluded.joined_member_ids
           WHERE exercise_events.exercise_id = excluded.exercise_id AND exercise_events.kind = excluded.kind`,
        )
        .run(...eventValues(exerciseId, kind, e)).changes;
    } catch (err) {
      if (isUniqueViolation(err)) throw new RecordConflictError(`event ${kind}`);
      throw err;
    }
    if (changes === 0) throw new RecordConflictError(`event ${e.id}`);
  }

  /** Replaces the STM (dates, documents, facilitator, seats) in one transaction. */
  setStm(id: string, stm: Stm): void {
    this.db.transaction(() => {
      this.db
        .prepare('UPDATE exercises SET stm_installed_on = ?, stm_facilitator_id = ?, stm_governance_rules = ?, stm_annual_agenda = ? WHERE id = ?')
        .run(stm.installedOn, stm.facilitatorId, toJsonOrNull(stm.governanceRules), toJsonOrNull(stm.annualAgenda), id);
      this.db.prepare('DELETE FROM stm_seats WHERE exercise_id = ?').run(id);
      const insert = this.db.prepare('INSERT INTO stm_seats (exercise_id, id, position, sector, titular_id, suplente_id) VALUES (?, ?, ?, ?, ?, ?)');
      stm.seats.forEach((s, i) => insert.run(id, s.id, i, s.sector, s.titularId, s.suplenteId));
    }).immediate();
  }

  /** Makes the micrositio public. */
  publish(id: string, stamp: Stamp): void {
    this.db.prepare('UPDATE exercises SET published = ? WHERE id = ?').run(toJson(stamp), id);
  }

  /** Inserts or replaces an integrante (by id, within the same exercise). */
  saveMember(exerciseId: string, m: StoredMember): void {
    let changes: number;
    try {
      changes = this.db
        .prepare(
          `INSERT INTO exercise_members (id, exercise_id, kind, name, sector, organization, position, email, phone, joined_on, joined_at_event_id, account_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name, sector = excluded.sector,
             organization = excluded.organization, position = excluded.position, email = excluded.email, phone = excluded.phone,
             joined_on = excluded.joined_on, joined_at_event_id = excluded.joined_at_event_id, account_id = excluded.account_id
           WHERE exercise_members.exercise_id = excluded.exercise_id`,
        )
        .run(...memberValues(exerciseId, m)).changes;
    } catch (err) {
      if (isUniqueViolation(err)) throw new RecordConflictError('member account');
      throw err;
    }
    if (changes === 0) throw new RecordConflictError(`member ${m.id}`);
  }

  /** The registry, oldest first. */
  members(exerciseId: string): StoredMember[] {
    return (this.db.prepare('SELECT * FROM exercise_members WHERE exercise_id = ? ORDER BY rowid').all(exerciseId) as MemberRow[]).map(toMember);
  }
}
