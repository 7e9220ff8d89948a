import type { ActivityStatus, ActivityTracking, DocumentRef, Evidence, FinalEvaluation, PlanEntry, SeatCapacity, SixMonthMonitoring, Stamp, StmSector } from '@cocrea/domain';
import type { StoredApproval } from './ExerciseStorage';
import { json, toJson } from './exerciseRows';

/*
 * Rows of the append-only records of a PAM (approvals, progress steps and their evidence,
 * monitoring, evaluation) and how they become domain records, the same on both backends.
 */

/** A `plan_approvals` row. */
export interface ApprovalRow {
  id: string;
  plan_id: string;
  member_id: string;
  account_id: string | null;
  sector: StmSector;
  capacity: SeatCapacity;
  entries: unknown;
  note: string;
  approved_by_id: string;
  approved_by_name: string;
  approved_at: string;
}

/** An approval from its row. */
export const toApproval = (r: ApprovalRow): StoredApproval => ({
  id: r.id,
  planId: r.plan_id,
  memberId: r.member_id,
  accountId: r.account_id,
  sector: r.sector,
  capacity: r.capacity,
  entries: json<PlanEntry[]>(r.entries),
  note: r.note,
  approved: { by: { id: r.approved_by_id, name: r.approved_by_name }, at: r.approved_at },
});

/** The columns of an approval row, in insert order. */
export const approvalValues = (a: StoredApproval): unknown[] => [
  a.id,
  a.planId,
  a.memberId,
  a.accountId,
  a.sector,
  a.capacity,
  toJson(a.entries),
  a.note,
  a.approved.by.id,
  a.approved.by.name,
  a.approved.at,
];

/** An `activity_updates` row. */
export interface UpdateRow {
  plan_id: string;
  commitment_id: string;
  activity_id: string;
  step: number;
  from_progress: number;
  to_progress: number;
  status: ActivityStatus;
  note: string;
  by_id: string;
  by_name: string;
  at: string;
}

/** An `activity_evidence` row. */
export interface EvidenceRow {
  id: string;
  commitment_id: string;
  activity_id: string;
  step: number;
  date: string;
  description: string;
  means_of_verification: string;
  document: unknown;
  added_by_id: string;
  added_by_name: string;
  added_at: string;
}

/**
 * Activities rebuilt from their steps (ordered by activity, then step) and evidence (ordered by
 * step, then position): status and progress are those of the last step.
 */
export function toTracking(planId: string, updates: UpdateRow[], evidence: EvidenceRow[]): ActivityTracking[] {
  const byActivity = new Map<string, ActivityTracking>();
  const key = (c: string, a: string) => `${c}\u0000${a}`;
  const evidenceOf = new Map<string, EvidenceRow[]>();
  for (const e of evidence) {
    const k = `${key(e.commitment_id, e.activity_id)}\u0000${Number(e.step)}`;
    evidenceOf.set(k, [...(evidenceOf.get(k) ?? []), e]);
  }
  for (const u of updates) {
    const k = key(u.commitment_id, u.activity_id);
    const t = byActivity.get(k) ?? { planId, commitmentId: u.commitment_id, activityId: u.activity_id, status: 'no_iniciada', progress: 0, evidence: [], history: [] };
    const stamp: Stamp = { by: { id: u.by_id, name: u.by_name }, at: u.at };
    const added: Evidence[] = (evidenceOf.get(`${k}\u0000${Number(u.step)}`) ?? []).map((e) => ({
      id: e.id,
      date: e.date,
      description: e.description,
      meansOfVerification: e.means_of_verification,
      document: json<DocumentRef>(e.document),
      added: { by: { id: e.added_by_id, name: e.added_by_name }, at: e.added_at },
    }));
    t.history.push({ from: Number(u.from_progress), to: Number(u.to_progress), status: u.status, evidenceIds: added.map((e) => e.id), note: u.note, stamp });
    t.evidence.push(...added);
    t.status = u.status;
    t.progress = Number(u.to_progress);
    byActivity.set(k, t);
  }
  return [...byActivity.values()];
}

/** A `plan_monitorings` row. */
export interface MonitoringRow {
  plan_id: string;
  id: string;
  cutoff_date: string;
  conducted_by: string;
  commitments: unknown;
  recorded_by_id: string;
  recorded_by_name: string;
  recorded_at: string;
}

/** The monitoring from its row. */
export const toMonitoring = (r: MonitoringRow): SixMonthMonitoring => ({
  id: r.id,
  planId: r.plan_id,
  cutoffDate: r.cutoff_date,
  conductedBy: r.conducted_by,
  commitments: json<SixMonthMonitoring['commitments']>(r.commitments),
  recorded: { by: { id: r.recorded_by_id, name: r.recorded_by_name }, at: r.recorded_at },
});

/** A `plan_evaluations` row. */
export interface EvaluationRow {
  plan_id: string;
  id: string;
  date: string;
  conducted_by: string;
  summary: string;
  commitments: unknown;
  recorded_by_id: string;
  recorded_by_name: string;
  recorded_at: string;
}

/** The evaluation from its row. */
export const toEvaluation = (r: EvaluationRow): FinalEvaluation => ({
  id: r.id,
  planId: r.plan_id,
  date: r.date,
  conductedBy: r.conducted_by,
  summary: r.summary,
  commitments: json<FinalEvaluation['commitments']>(r.commitments),
  recorded: { by: { id: r.recorded_by_id, name: r.recorded_by_name }, at: r.recorded_at },
});
