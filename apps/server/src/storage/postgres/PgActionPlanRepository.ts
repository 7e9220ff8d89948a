import type { ActionPlan, ActionPlanStatus, PlanEntry, Stamp } from '@cocrea/domain';
import { validUntil } from '@cocrea/domain';
import type { Pool } from 'pg';
import { RecordConflictError } from '../ExerciseStorage';
import type { ActionPlanRepository } from '../Storage';
import { isUniqueViolation } from './PgExerciseRepository';
import { transaction } from './sql';

/** JSON columns (`json`) come back parsed by node-postgres. */
interface PlanRow {
  id: string;
  title: string;
  municipality: string;
  launch_date: string | null;
  status: ActionPlanStatus;
  created: Stamp;
  approved: Stamp | null;
  published: Stamp | null;
  entries: PlanEntry[];
}

/** Plans with their entries in position order, read in one statement (one consistent snapshot). */
const SELECT_PLANS = `
  SELECT p.id, p.title, p.municipality, p.launch_date, p.status, p.created, p.approved, p.published,
    COALESCE((SELECT json_agg(json_build_object('commitmentId', e.commitment_id, 'version', e.version) ORDER BY e.position)
              FROM action_plan_entries e WHERE e.plan_id = p.id), '[]'::json) AS entries
  FROM action_plans p`;

const toPlan = (r: PlanRow): ActionPlan => ({
  id: r.id,
  title: r.title,
  municipality: r.municipality,
  launchDate: r.launch_date,
  validUntil: r.launch_date ? validUntil(r.launch_date) : null,
  status: r.status,
  entries: r.entries,
  created: r.created,
  approved: r.approved,
  published: r.published,
});

/** {@link ActionPlanRepository} on PostgreSQL. */
export class PgActionPlanRepository implements ActionPlanRepository {
  constructor(private readonly pool: Pool) {}

  async create(p: { id: string; title: string; municipality: string; launchDate: string | null; created: Stamp }): Promise<ActionPlan> {
    await this.pool.query(
      "INSERT INTO action_plans (id, title, municipality, launch_date, status, created) VALUES ($1, $2, $3, $4, 'borrador', $5)",
      [p.id, p.title, p.municipality, p.launchDate, JSON.stringify(p.created)],
    );
    return (await this.get(p.id)) as ActionPlan;
  }

  async get(id: string): Promise<ActionPlan | undefined> {
    const { rows } = await this.pool.query<PlanRow>(`${SELECT_PLANS} WHERE p.id = $1`, [id]);
    return rows[0] ? toPlan(rows[0]) : undefined;
  }

  async list(status?: ActionPlanStatus): Promise<ActionPlan[]> {
    const { rows } = status
      ? await this.pool.query<PlanRow>(`${SELECT_PLANS} WHERE p.status = $1 ORDER BY p.seq DESC`, [status])
      : await this.pool.query<PlanRow>(`${SELECT_PLANS} ORDER BY p.seq DESC`);
    return rows.map(toPlan);
  }

  async update(id: string, changes: { title?: string; municipality?: string; launchDate?: string }): Promise<void> {
    // A field left out (or null) keeps its value, as in the SQLite store.
    await this.pool.query(
      `UPDATE action_plans SET title = COALESCE($2, title), municipality = COALESCE($3, municipality),
         launch_date = COALESCE($4, launch_date) WHERE id = $1`,
      [id, changes.title ?? null, changes.municipality ?? null, changes.launchDate ?? null],
    );
  }

  async setEntry(planId: string, entry: PlanEntry): Promise<void> {
    await transaction(this.pool, async (client) => {
      // Lock the plan so two concurrent additions never take the same position.
      await client.query('SELECT 1 FROM action_plans WHERE id = $1 FOR UPDATE', [planId]);
      await client.query(
        `INSERT INTO action_plan_entries (plan_id, commitment_id, version, position)
         SELECT $1, $2::text, $3::int, COALESCE(MAX(position), -1) + 1 FROM action_plan_entries WHERE plan_id = $1
         ON CONFLICT (plan_id, commitment_id) DO UPDATE SET version = excluded.version`,
        [planId, entry.commitmentId, entry.version],
      );
    });
  }

  async removeEntry(planId: string, commitmentId: string): Promise<void> {
    await this.pool.query('DELETE FROM action_plan_entries WHERE plan_id = $1 AND commitment_id = $2', [planId, commitmentId]);
  }

  async setStatus(id: string, status: 'aprobado' | 'publicado', stamp: Stamp): Promise<void> {
    const column = status === 'aprobado' ? 'approved' : 'published';
    await this.pool.query(`UPDATE action_plans SET status = $1, ${column} = $2 WHERE id = $3`, [status, JSON.stringify(stamp), id]);
  }

  async setExercise(planId: string, exerciseId: string): Promise<void> {
    try {
      await this.pool.query('UPDATE action_plans SET exercise_id = $1 WHERE id = $2', [exerciseId, planId]);
    } catch (err) {
      if (isUniqueViolation(err)) throw new RecordConflictError(`plan of exercise ${exerciseId}`);
      throw err;
    }
  }

  async exerciseOf(planId: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ exercise_id: string | null }>('SELECT exercise_id FROM action_plans WHERE id = $1', [planId]);
    return rows[0]?.exercise_id ?? null;
  }
}
