import type { ActionPlan, ActionPlanStatus, PlanEntry, Stamp } from '@cocrea/domain';
import { validUntil } from '@cocrea/domain';
import type { Db } from './database';
import { RecordConflictError } from './ExerciseStorage';
import { isUniqueViolation } from './sqlite/asPromise';

interface PlanRow {
  id: string;
  title: string;
  municipality: string;
  launch_date: string | null;
  status: ActionPlanStatus;
  created: string;
  approved: string | null;
  published: string | null;
}

const stamp = (s: string | null): Stamp | null => (s === null ? null : (JSON.parse(s) as Stamp));

/** *Planes de Acción Municipal* and the commitment versions they include. */
export class ActionPlanStore {
  constructor(private readonly db: Db) {}

  private entries(planId: string): PlanEntry[] {
    return this.db
      .prepare('SELECT commitment_id AS commitmentId, version FROM action_plan_entries WHERE plan_id = ? ORDER BY position')
      .all(planId) as PlanEntry[];
  }

  private toPlan(r: PlanRow): ActionPlan {
    return {
      id: r.id,
      title: r.title,
      municipality: r.municipality,
      launchDate: r.launch_date,
      validUntil: r.launch_date ? validUntil(r.launch_date) : null,
      status: r.status,
      entries: this.entries(r.id),
      created: JSON.parse(r.created) as Stamp,
      approved: stamp(r.approved),
      published: stamp(r.published),
    };
  }

  /** Creates a draft plan. */
  create(p: { id: string; title: string; municipality: string; launchDate: string | null; created: Stamp }): ActionPlan {
    this.db
      .prepare("INSERT INTO action_plans (id, title, municipality, launch_date, status, created) VALUES (?, ?, ?, ?, 'borrador', ?)")
      .run(p.id, p.title, p.municipality, p.launchDate, JSON.stringify(p.created));
    return this.get(p.id) as ActionPlan;
  }

  /** The plan, or `undefined`. */
  get(id: string): ActionPlan | undefined {
    const r = this.db.prepare('SELECT * FROM action_plans WHERE id = ?').get(id) as PlanRow | undefined;
    return r ? this.toPlan(r) : undefined;
  }

  /** Every plan (or only those with `status`), newest first. */
  list(status?: ActionPlanStatus): ActionPlan[] {
    const rows = (
      status
        ? this.db.prepare('SELECT * FROM action_plans WHERE status = ? ORDER BY rowid DESC').all(status)
        : this.db.prepare('SELECT * FROM action_plans ORDER BY rowid DESC').all()
    ) as PlanRow[];
    return rows.map((r) => this.toPlan(r));
  }

  /** Changes title, municipality or launch date. */
  update(id: string, changes: { title?: string; municipality?: string; launchDate?: string }): void {
    const cur = this.get(id);
    if (!cur) return;
    this.db
      .prepare('UPDATE action_plans SET title = ?, municipality = ?, launch_date = ? WHERE id = ?')
      .run(changes.title ?? cur.title, changes.municipality ?? cur.municipality, changes.launchDate ?? cur.launchDate, id);
  }

  /** Adds (or moves to another version of) a commitment. */
  setEntry(planId: string, entry: PlanEntry): void {
    const pos = (this.db.prepare('SELECT COALESCE(MAX(position), -1) + 1 AS p FROM action_plan_entries WHERE plan_id = ?').get(planId) as { p: number }).p;
    this.db
      .prepare(
        `INSERT INTO action_plan_entries (plan_id, commitment_id, version, position) VALUES (?, ?, ?, ?)
         ON CONFLICT (plan_id, commitment_id) DO UPDATE SET version = excluded.version`,
      )
      .run(planId, entry.commitmentId, entry.version, pos);
  }

  /** Removes a commitment from a plan. */
  removeEntry(planId: string, commitmentId: string): void {
    this.db.prepare('DELETE FROM action_plan_entries WHERE plan_id = ? AND commitment_id = ?').run(planId, commitmentId);
  }

  /** Moves the plan to `aprobado` or `publicado`, stamping who and when. */
  setStatus(id: string, status: 'aprobado' | 'publicado', s: Stamp): void {
    const column = status === 'aprobado' ? 'approved' : 'published';
    this.db.prepare(`UPDATE action_plans SET status = ?, ${column} = ? WHERE id = ?`).run(status, JSON.stringify(s), id);
  }

  /** Makes the plan an exercise's PAM; {@link RecordConflictError} when the exercise has one. */
  setExercise(planId: string, exerciseId: string): void {
    try {
      this.db.prepare('UPDATE action_plans SET exercise_id = ? WHERE id = ?').run(exerciseId, planId);
    } catch (err) {
      if (isUniqueViolation(err)) throw new RecordConflictError(`plan of exercise ${exerciseId}`);
      throw err;
    }
  }

  /** The exercise the plan belongs to, or `null`. */
  exerciseOf(planId: string): string | null {
    const r = this.db.prepare('SELECT exercise_id FROM action_plans WHERE id = ?').get(planId) as { exercise_id: string | null } | undefined;
    return r?.exercise_id ?? null;
  }
}
