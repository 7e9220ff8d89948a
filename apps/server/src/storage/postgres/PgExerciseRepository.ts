import type { AwarenessEvent, ExerciseEvent, ExercisePhase, JointDeclaration, PhaseWindow, Stamp, Stm } from '@cocrea/domain';
import type { Pool, PoolClient } from 'pg';
import {
  RecordConflictError,
  type ExerciseEventKind,
  type ExerciseRecord,
  type ExerciseRepository,
  type NewExercise,
  type StoredMember,
} from '../ExerciseStorage';
import {
  eventValues,
  memberValues,
  toExercise,
  toJson,
  toJsonOrNull,
  toMember,
  type DeclarationRow,
  type EventRow,
  type ExerciseRow,
  type MemberRow,
  type SeatRow,
  type SignatoryRow,
} from '../exerciseRows';
import { transaction, valuesOf } from './sql';

/** Whether PostgreSQL refused a write for a UNIQUE or PRIMARY KEY constraint. */
export const isUniqueViolation = (err: unknown): boolean => (err as { code?: unknown } | null)?.code === '23505';

/** Runs several reads as one consistent snapshot (a read-only REPEATABLE READ transaction). */
export function readSnapshot<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  return transaction(pool, async (client) => {
    await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    return fn(client);
  });
}

/** {@link ExerciseRepository} on PostgreSQL: an exercise and its parts are read in one transaction (one snapshot). */
export class PgExerciseRepository implements ExerciseRepository {
  constructor(private readonly pool: Pool) {}

  private async read(client: PoolClient, where: string, params: unknown[]): Promise<ExerciseRecord[]> {
    const { rows } = await client.query<ExerciseRow>(`SELECT * FROM exercises ${where}`, params);
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [decl, sigs, events, seats, plans] = [
      (await client.query<DeclarationRow>('SELECT * FROM exercise_declarations WHERE exercise_id = ANY($1)', [ids])).rows,
      (await client.query<SignatoryRow>('SELECT * FROM declaration_signatories WHERE exercise_id = ANY($1) ORDER BY position', [ids])).rows,
      (await client.query<EventRow>('SELECT * FROM exercise_events WHERE exercise_id = ANY($1) ORDER BY date, seq', [ids])).rows,
      (await client.query<SeatRow>('SELECT * FROM stm_seats WHERE exercise_id = ANY($1) ORDER BY position', [ids])).rows,
      (await client.query<{ id: string; exercise_id: string }>('SELECT id, exercise_id FROM action_plans WHERE exercise_id = ANY($1)', [ids])).rows,
    ];
    return rows.map((r) =>
      toExercise(r, {
        declaration: decl.find((d) => d.exercise_id === r.id),
        signatories: sigs.filter((s) => s.exercise_id === r.id),
        events: events.filter((e) => e.exercise_id === r.id),
        seats: seats.filter((s) => s.exercise_id === r.id),
        planId: plans.find((p) => p.exercise_id === r.id)?.id ?? null,
      }),
    );
  }

  async create(e: NewExercise): Promise<ExerciseRecord> {
    try {
      await this.pool.query(
        `INSERT INTO exercises (id, municipality, title, start_date, end_date, schedule, created) VALUES ($1, $2, $3, $4, $5, '{}', $6)`,
        [e.id, e.municipality, e.title, e.period.startDate, e.period.endDate, toJson(e.created)],
      );
    } catch (err) {
      if (isUniqueViolation(err)) throw new RecordConflictError('exercise');
      throw err;
    }
    return (await this.get(e.id)) as ExerciseRecord;
  }

  async get(id: string): Promise<ExerciseRecord | undefined> {
    return (await readSnapshot(this.pool, (c) => this.read(c, 'WHERE id = $1', [id])))[0];
  }

  list(): Promise<ExerciseRecord[]> {
    return readSnapshot(this.pool, (c) => this.read(c, 'ORDER BY seq DESC', []));
  }

  async setSchedule(id: string, schedule: Partial<Record<ExercisePhase, PhaseWindow>>): Promise<void> {
    await this.pool.query('UPDATE exercises SET schedule = $1 WHERE id = $2', [toJson(schedule), id]);
  }

  async setDeclaration(id: string, d: JointDeclaration): Promise<void> {
    await transaction(this.pool, async (c) => {
      await c.query(
        `INSERT INTO exercise_declarations (exercise_id, place, document) VALUES ($1, $2, $3)
         ON CONFLICT (exercise_id) DO UPDATE SET place = excluded.place, document = excluded.document`,
        [id, d.place, toJsonOrNull(d.document)],
      );
      await c.query('DELETE FROM declaration_signatories WHERE exercise_id = $1', [id]);
      if (d.signatories.length === 0) return;
      const v = valuesOf(d.signatories.map((s, i) => [id, i, s.name, s.role, s.organization, s.sector, s.signedOn]));
      await c.query(`INSERT INTO declaration_signatories (exercise_id, position, name, role, organization, sector, signed_on) VALUES ${v.sql}`, v.params);
    });
  }

  async saveEvent(exerciseId: string, kind: ExerciseEventKind, e: ExerciseEvent | AwarenessEvent): Promise<void> {
    let changed: number | null;
    try {
      ({ rowCount: changed } = await this.pool.query(
        `INSERT INTO exercise_events (id, exercise_id, kind, title, date, place, description, evidence, convened_by, audience, attendance, joined_member_ids)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (id) DO UPDATE SET title = excluded.title, date = excluded.date, place = excluded.place,
           description = excluded.description, evidence = excluded.evidence, convened_by = excluded.convened_by,
           audience = excluded.audience, attendance = excluded.attendance, joined_member_ids = excluded.joined_member_ids
         WHERE exercise_events.exercise_id = excluded.exercise_id AND exercise_events.kind = excluded.kind`,
        eventValues(exerciseId, kind, e),
      ));
    } catch (err) {
      if (isUniqueViolation(err)) throw new RecordConflictError(`event ${kind}`);
      throw err;
    }
    if (!changed) throw new RecordConflictError(`event ${e.id}`);
  }

  async setStm(id: string, stm: Stm): Promise<void> {
    await transaction(this.pool, async (c) => {
      await c.query('UPDATE exercises SET stm_installed_on = $1, stm_facilitator_id = $2, stm_governance_rules = $3, stm_annual_agenda = $4 WHERE id = $5', [
        stm.installedOn,
        stm.facilitatorId,
        toJsonOrNull(stm.governanceRules),
        toJsonOrNull(stm.annualAgenda),
        id,
      ]);
      await c.query('DELETE FROM stm_seats WHERE exercise_id = $1', [id]);
      if (stm.seats.length === 0) return;
      const v = valuesOf(stm.seats.map((s, i) => [id, s.id, i, s.sector, s.titularId, s.suplenteId]));
      await c.query(`INSERT INTO stm_seats (exercise_id, id, position, sector, titular_id, suplente_id) VALUES ${v.sql}`, v.params);
    });
  }

  async publish(id: string, stamp: Stamp): Promise<void> {
    await this.pool.query('UPDATE exercises SET published = $1 WHERE id = $2', [toJson(stamp), id]);
  }

  async saveMember(exerciseId: string, m: StoredMember): Promise<void> {
    let changed: number | null;
    try {
      ({ rowCount: changed } = await this.pool.query(
        `INSERT INTO exercise_members (id, exercise_id, kind, name, sector, organization, position, email, phone, joined_on, joined_at_event_id, account_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name, sector = excluded.sector,
           organization = excluded.organization, position = excluded.position, email = excluded.email, phone = excluded.phone,
           joined_on = excluded.joined_on, joined_at_event_id = excluded.joined_at_event_id, account_id = excluded.account_id
         WHERE exercise_members.exercise_id = excluded.exercise_id`,
        memberValues(exerciseId, m),
      ));
    } catch (err) {
      if (isUniqueViolation(err)) throw new RecordConflictError('member account');
      throw err;
    }
    if (!changed) throw new RecordConflictError(`member ${m.id}`);
  }

  async members(exerciseId: string): Promise<StoredMember[]> {
    const { rows } = await this.pool.query<MemberRow>('SELECT * FROM exercise_members WHERE exercise_id = $1 ORDER BY seq', [exerciseId]);
    return rows.map(toMember);
  }
}
