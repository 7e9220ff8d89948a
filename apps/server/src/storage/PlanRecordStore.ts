import type { ActivityTracking, FinalEvaluation, SixMonthMonitoring } from '@cocrea/domain';
import type { Db } from './database';
import { RecordConflictError, type ProgressStep, type StoredApproval } from './ExerciseStorage';
import { fileOf, toJson } from './exerciseRows';
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
} from './planRecordRows';
import { isUniqueViolation } from './sqlite/asPromise';

/** The append-only records of a PAM on SQLite: approvals, progress steps and evidence, reviews. */
export class PlanRecordStore {
  constructor(private readonly db: Db) {}

  /** Records an approval. */
  addApproval(a: StoredApproval): void {
    this.db
      .prepare(
        `INSERT INTO plan_approvals (id, plan_id, member_id, account_id, sector, capacity, entries, note, approved_by_id, approved_by_name, approved_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(...approvalValues(a));
  }

  /** The plan's approvals, oldest first. */
  approvals(planId: string): StoredApproval[] {
    return (this.db.prepare('SELECT * FROM plan_approvals WHERE plan_id = ? ORDER BY rowid').all(planId) as ApprovalRow[]).map(toApproval);
  }

  /** Records a step and its evidence in one transaction; {@link RecordConflictError} when the step is taken. */
  appendProgress(s: ProgressStep): void {
    try {
      this.db.transaction(() => {
        const e = s.entry;
        this.db
          .prepare(
            `INSERT INTO activity_updates (plan_id, commitment_id, activity_id, step, from_progress, to_progress, status, note, by_id, by_name, at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(s.planId, s.commitmentId, s.activityId, s.step, e.from, e.to, e.status, e.note, e.stamp.by.id, e.stamp.by.name, e.stamp.at);
        const insert = this.db.prepare(
          `INSERT INTO activity_evidence (id, plan_id, commitment_id, activity_id, step, position, date, description, means_of_verification,
             document, file_sha256, added_by_id, added_by_name, added_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        );
        s.evidence.forEach((v, i) =>
          insert.run(
            v.id, s.planId, s.commitmentId, s.activityId, s.step, i, v.date, v.description, v.meansOfVerification,
            toJson(v.document), fileOf(v.document), v.added.by.id, v.added.by.name, v.added.at,
          ),
        );
      }).immediate();
    } catch (err) {
      if (isUniqueViolation(err)) throw new RecordConflictError(`step ${s.step} of ${s.activityId}`);
      throw err;
    }
  }

  /** Every reported activity of the plan, rebuilt from its steps. */
  tracking(planId: string): ActivityTracking[] {
    return this.db.transaction(() => {
      const updates = this.db
        .prepare('SELECT * FROM activity_updates WHERE plan_id = ? ORDER BY commitment_id, activity_id, step')
        .all(planId) as UpdateRow[];
      const evidence = this.db.prepare('SELECT * FROM activity_evidence WHERE plan_id = ? ORDER BY step, position').all(planId) as EvidenceRow[];
      return toTracking(planId, updates, evidence);
    })();
  }

  /** Records the six-month monitoring; {@link RecordConflictError} when the plan has one. */
  saveMonitoring(m: SixMonthMonitoring): void {
    try {
      this.db
        .prepare(
          `INSERT INTO plan_monitorings (plan_id, id, cutoff_date, conducted_by, commitments, recorded_by_id, recorded_by_name, recorded_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(m.planId, m.id, m.cutoffDate, m.conductedBy, toJson(m.commitments), m.recorded.by.id, m.recorded.by.name, m.recorded.at);
    } catch (err) {
      if (isUniqueViolation(err)) throw new RecordConflictError('monitoring');
      throw err;
    }
  }

  /** The plan's monitoring, or `null`. */
  monitoring(planId: string): SixMonthMonitoring | null {
    const r = this.db.prepare('SELECT * FROM plan_monitorings WHERE plan_id = ?').get(planId) as MonitoringRow | undefined;
    return r ? toMonitoring(r) : null;
  }

  /** Records the final evaluation; {@link RecordConflictError} when the plan has one. */
  saveEvaluation(e: FinalEvaluation): void {
    try {
      this.db
        .prepare(
          `INSERT INTO plan_evaluations (plan_id, id, date, conducted_by, summary, commitments, recorded_by_id, recorded_by_name, recorded_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(e.planId, e.id, e.date, e.conductedBy, e.summary, toJson(e.commitments), e.recorded.by.id, e.recorded.by.name, e.recorded.at);
    } catch (err) {
      if (isUniqueViolation(err)) throw new RecordConflictError('evaluation');
      throw err;
    }
  }

  /** The plan's final evaluation, or `null`. */
  evaluation(planId: string): FinalEvaluation | null {
    const r = this.db.prepare('SELECT * FROM plan_evaluations WHERE plan_id = ?').get(planId) as EvaluationRow | undefined;
    return r ? toEvaluation(r) : null;
  }
}
