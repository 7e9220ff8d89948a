import {
  MONITORING_BODY,
  QUALITY_CRITERIA,
  VALUE_CRITERIA,
  evaluationOpenDate,
  sixMonthMark,
  type FinalEvaluationInput,
  type MonitoringInput,
} from '@cocrea/domain';

/**
 * The six-month monitoring and the final evaluation as they are being written: every value may
 * still be unset (`''`), so the server's validation names what is missing rather than the form
 * silently choosing an answer.
 */

type Answer = { value: string; reasons: string };

/** One commitment's monitoring being written. */
export interface MonitoringDraftRow {
  commitmentId: string;
  criteria: Record<string, { verdict: string; reasons: string }>;
  schedule: Answer;
  recommendations: string;
}

/** A monitoring being written. */
export interface MonitoringDraft {
  cutoffDate: string;
  conductedBy: string;
  rows: MonitoringDraftRow[];
}

/** One commitment's final evaluation being written. */
export interface EvaluationDraftRow {
  commitmentId: string;
  verifiable: Answer;
  potentialForResults: Answer;
  completion: Answer;
  openedGovernment: Answer;
}

/** A final evaluation being written. */
export interface EvaluationDraft {
  date: string;
  conductedBy: string;
  summary: string;
  rows: EvaluationDraftRow[];
}

const blank = (): Answer => ({ value: '', reasons: '' });
const earlier = (a: string, b: string) => (a < b ? a : b);

/** A monitoring cut at the six-month mark (or today, if that is earlier), one row per commitment. */
export function blankMonitoring(launchDate: string, today: string, commitmentIds: readonly string[]): MonitoringDraft {
  return {
    cutoffDate: earlier(sixMonthMark(launchDate), today),
    conductedBy: MONITORING_BODY,
    rows: commitmentIds.map((commitmentId) => ({
      commitmentId,
      criteria: Object.fromEntries([...QUALITY_CRITERIA, ...VALUE_CRITERIA].map((c) => [c, { verdict: '', reasons: '' }])),
      schedule: blank(),
      recommendations: '',
    })),
  };
}

/** A final evaluation dated when it opens (or today, if that is earlier), one row per commitment. */
export function blankEvaluation(launchDate: string, today: string, commitmentIds: readonly string[]): EvaluationDraft {
  return {
    date: earlier(evaluationOpenDate(launchDate), today),
    conductedBy: MONITORING_BODY,
    summary: '',
    rows: commitmentIds.map((commitmentId) => ({ commitmentId, verifiable: blank(), potentialForResults: blank(), completion: blank(), openedGovernment: blank() })),
  };
}

/** What `POST /api/pams/:id/monitoring` takes; unset answers are sent unset. */
export function monitoringInput(d: MonitoringDraft): MonitoringInput {
  return {
    cutoffDate: d.cutoffDate,
    conductedBy: d.conductedBy,
    commitments: d.rows.map((r) => ({
      commitmentId: r.commitmentId,
      quality: Object.fromEntries(QUALITY_CRITERIA.map((c) => [c, r.criteria[c]])),
      relevance: Object.fromEntries(VALUE_CRITERIA.map((c) => [c, r.criteria[c]])),
      schedule: r.schedule,
      recommendations: r.recommendations,
    })),
  } as unknown as MonitoringInput;
}

/** What `POST /api/pams/:id/evaluation` takes; "sí"/"no" become a boolean once chosen. */
export function evaluationInput(d: EvaluationDraft): FinalEvaluationInput {
  return {
    date: d.date,
    conductedBy: d.conductedBy,
    summary: d.summary,
    commitments: d.rows.map((r) => ({
      commitmentId: r.commitmentId,
      verifiable: { value: r.verifiable.value === '' ? undefined : r.verifiable.value === 'si', reasons: r.verifiable.reasons },
      potentialForResults: r.potentialForResults,
      completion: r.completion,
      openedGovernment: r.openedGovernment,
    })),
  } as unknown as FinalEvaluationInput;
}
