import type { ActionPlan } from './actionPlan';
import type { CommitmentVersion } from './snapshot';
import { ACTIVITY_STATUSES, type ActivityStatus, type ActivityTracking } from './tracking';

/**
 * Roll-ups of the tracking: activity → commitment → PAM, and the OGP completion level.
 *
 * Weights: a commitment's progress is the plain average of its roadmap's activities (an activity
 * with no report counts 0 %); the PAM's is the plain average of its commitments. Every activity
 * and every commitment weighs the same — the roadmap gives no weights, a duration-weighted mean
 * would reward long activities, and a plain average is what people can recompute from the
 * tablero. Decidim's *Accountability* rolls a result's children up the same way by default
 * (`Result#update_progress!`: the average of the children's progress; weights are opt-in).
 * A cancelled activity keeps the progress it had reached and stays in the average: the commitment
 * was agreed with it, so cancelling it cannot make the rest look complete.
 */

/**
 * Completion levels of the Open Government Partnership's Independent Reporting Mechanism (IRM):
 * *no iniciado, limitado, sustancial, completo* (IRM Procedures Manual and Results Report
 * guidance, "Completion": not started, limited, substantial, complete).
 */
export const OGP_COMPLETION_LEVELS = ['no_iniciado', 'limitado', 'sustancial', 'completo'] as const;

/** One of {@link OGP_COMPLETION_LEVELS}. */
export type OgpCompletionLevel = (typeof OGP_COMPLETION_LEVELS)[number];

/** Spanish labels of the levels. */
export const OGP_COMPLETION_LABELS: Record<OgpCompletionLevel, string> = {
  no_iniciado: 'No iniciado',
  limitado: 'Limitado',
  sustancial: 'Sustancial',
  completo: 'Completo',
};

/**
 * The level a percentage of progress maps to: 0 → no iniciado; more than 0 and less than 50 →
 * limitado; 50 up to less than 100 → sustancial; 100 → completo. The IRM judges completion by
 * reading the evidence rather than by a formula; cocrea's thresholds follow its wording —
 * *limitado* when some activities advanced, *sustancial* when most of the work is done, *completo*
 * only when all of it is — with "most" read as at least half of the averaged progress.
 */
export function ogpCompletionLevel(progress: number): OgpCompletionLevel {
  if (!(progress > 0)) return 'no_iniciado';
  if (progress < 50) return 'limitado';
  if (progress < 100) return 'sustancial';
  return 'completo';
}

/** Progress shown to people and in open data: one decimal, never rounded up to 100 nor down to 0. */
export function displayProgress(progress: number): number {
  const r = Math.round(progress * 10) / 10;
  if (r >= 100 && progress < 100) return 99.9;
  if (r <= 0 && progress > 0) return 0.1;
  return r;
}

/** How far one commitment has come. */
export interface CommitmentProgress {
  commitmentId: string;
  /** Exact average of its activities (0–100); round only for display ({@link displayProgress}). */
  progress: number;
  level: OgpCompletionLevel;
  activities: number;
  byStatus: Record<ActivityStatus, number>;
  evidence: number;
  /** Date of its most recent evidence, `null` when none. */
  lastEvidenceDate: string | null;
}

const tally = () => Object.fromEntries(ACTIVITY_STATUSES.map((s) => [s, 0])) as Record<ActivityStatus, number>;

/**
 * Rolls a commitment's activities up. `tracking` may hold other commitments' records; those of
 * activities no longer in the roadmap are ignored.
 */
export function commitmentProgress(version: CommitmentVersion, tracking: readonly ActivityTracking[]): CommitmentProgress {
  const id = version.content.commitment.id;
  const byActivity = new Map(tracking.filter((t) => t.commitmentId === id).map((t) => [t.activityId, t]));
  const byStatus = tally();
  let sum = 0;
  let evidence = 0;
  let lastEvidenceDate: string | null = null;
  const activities = version.content.roadmap.activities;
  for (const a of activities) {
    const t = byActivity.get(a.id);
    byStatus[t?.status ?? 'no_iniciada']++;
    sum += t?.progress ?? 0;
    for (const e of t?.evidence ?? []) {
      evidence++;
      if (!lastEvidenceDate || e.date > lastEvidenceDate) lastEvidenceDate = e.date;
    }
  }
  const progress = activities.length > 0 ? sum / activities.length : 0;
  return { commitmentId: id, progress, level: ogpCompletionLevel(progress), activities: activities.length, byStatus, evidence, lastEvidenceDate };
}

/** How far a PAM has come, commitment by commitment in the plan's order. */
export interface PlanProgress {
  planId: string;
  progress: number;
  level: OgpCompletionLevel;
  commitments: CommitmentProgress[];
}

/**
 * Rolls a PAM up from the versions its entries name (`versions` may hold others). An entry whose
 * version is not given is left out rather than counted as 0: its content is unknown here.
 */
export function planProgress(plan: ActionPlan, versions: readonly CommitmentVersion[], tracking: readonly ActivityTracking[]): PlanProgress {
  const commitments = planVersions(plan, versions).map((v) => commitmentProgress(v, tracking.filter((t) => t.planId === plan.id)));
  const progress = commitments.length > 0 ? commitments.reduce((s, c) => s + c.progress, 0) / commitments.length : 0;
  return { planId: plan.id, progress, level: ogpCompletionLevel(progress), commitments };
}

/** The versions a plan's entries name, in the plan's order. */
export function planVersions(plan: ActionPlan, versions: readonly CommitmentVersion[]): CommitmentVersion[] {
  return plan.entries.flatMap((e) => versions.filter((v) => v.content.commitment.id === e.commitmentId && v.version === e.version).slice(0, 1));
}
