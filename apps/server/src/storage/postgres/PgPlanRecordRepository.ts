import type { ActivityTracking, FinalEvaluation, SixMonthMonitoring } from '@cocrea/domain';
import type { Pool } from 'pg';
import { RecordConflictError, type PlanRecordRepository, type ProgressStep, type StoredApproval } from '../ExerciseStorage';
import { fileOf, toJson } from '../exerciseRows';
import {
  approvalValues,
  toApproval,
  toEvaluation,
  toMonitoring,
  toTracking,
  type ApprovalRow,
  type EvaluationRow,
  type EvidenceRow,
  type MonitoringRow,
  type UpdateRow,
} from '../planRecordRows';
import { isUniqueViolation, readSnapshot } from './PgExerciseRepository';
import { transaction, valuesOf } from './sql';

/** {@link PlanRecordRepository} on PostgreSQL; the tables refuse UPDATE, DELETE and TRUNCATE. */
export class PgPlanRecordRepository implements PlanRecordRepository {
  constructor(private readonly pool: Pool) {}

  async addApproval(a: StoredApproval): Promise<void> {
    await this.pool.query(
      `INSERT INTO plan_approvals (id, plan_id, member_id, account_id, sector, capacity, entries, note, approved_by_id, approved_by_name, approved_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      approvalValues(a),
    );
  }

  async approvals(planId: string): Promise<StoredApproval[]> {
    const { rows } = await this.pool.query<ApprovalRow>('SELECT * FROM plan_approvals WHERE plan_id = $1 ORDER BY seq', [planId]);
    return rows.map(toApproval);
  }

  async appendProgress(s: ProgressStep): Promise<void> {
    try {
      await transaction(this.pool, async (c) => {
        const e = s.entry;
        await c.query(
          `INSERT INTO activity_updates (plan_id, commitment_id, activity_id, step, from_progress, to_progress, status, note, by_id, by_name, at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [s.planId, s.commitmentId, s.activityId, s.step, e.from, e.to, e.status, e.note, e.stamp.by.id, e.stamp.by.name, e.stamp.at],
        );
        if (s.evidence.length === 0) return;
        const v = valuesOf(
          s.evidence.map((x, i) => [
            x.id, s.planId, s.commitmentId, s.activityId, s.step, i, x.date, x.description, x.meansOfVerification,
            toJson(x.document), fileOf(x.document), x.added.by.id, x.added.by.name, x.added.at,
          ]),
        );
        await c.query(
          `INSERT INTO activity_evidence (id, plan_id, commitment_id, activity_id, step, position, date, description, means_of_verification,
             document, file_sha256, added_by_id, added_by_name, added_at) VALUES ${v.sql}`,
          v.params,
        );
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new RecordConflictError(`step ${s.step} of ${s.activityId}`);
      throw err;
    }
  }

  tracking(planId: string): Promise<ActivityTracking[]> {
    return readSnapshot(this.pool, async (c) => {
      const updates = await c.query<UpdateRow>('SELECT * FROM activity_updates WHERE plan_id = $1 ORDER BY commitment_id, activity_id, step', [planId]);
      const evidence = await c.query<EvidenceRow>('SELECT * FROM activity_evidence WHERE plan_id = $1 ORDER BY step, position', [planId]);
      return toTracking(planId, updates.rows, evidence.rows);
    });
  }

  async saveMonitoring(m: SixMonthMonitoring): Promise<void> {
    try {
      await this.pool.query(
        `INSERT INTO plan_monitorings (plan_id, id, cutoff_date, conducted_by, commitments, recorded_by_id, recorded_by_name, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [m.planId, m.id, m.cutoffDate, m.conductedBy, toJson(m.commitments), m.recorded.by.id, m.recorded.by.name, m.recorded.at],
      );
    } catch (err) {
      if (isUniqueViolation(err)) throw new RecordConflictError('monitoring');
      throw err;
    }
  }

  async monitoring(planId: string): Promise<SixMonthMonitoring | null> {
    const { rows } = await this.pool.query<MonitoringRow>('SELECT * FROM plan_monitorings WHERE plan_id = $1', [planId]);
    return rows[0] ? toMonitoring(rows[0]) : null;
  }

  async saveEvaluation(e: FinalEvaluation): Promise<void> {
    try {
      await this.pool.query(
        `INSERT INTO plan_evaluations (plan_id, id, date, conducted_by, summary, commitments, recorded_by_id, recorded_by_name, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [e.planId, e.id, e.date, e.conductedBy, e.summary, toJson(e.commitments), e.recorded.by.id, e.recorded.by.name, e.recorded.at],
      );
    } catch (err) {
      if (isUniqueViolation(err)) throw new RecordConflictError('evaluation');
      throw err;
    }
  }

  async evaluation(planId: string): Promise<FinalEvaluation | null> {
    const { rows } = await this.pool.query<EvaluationRow>('SELECT * FROM plan_evaluations WHERE plan_id = $1', [planId]);
    return rows[0] ? toEvaluation(rows[0]) : null;
  }
}
