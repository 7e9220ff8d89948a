import {
  applyProgress,
  completionDiscrepancies,
  dueReminders,
  evaluationProblems,
  monitoringProblems,
  newActivityTracking,
  planProgress,
  recordMonitoring,
  type ActionPlan,
  type ActivityTracking,
  type CommitmentVersion,
  type DueReminder,
  type FinalEvaluation,
  type FinalEvaluationInput,
  type MonitoringInput,
  type PlanProgress,
  type ProgressUpdateInput,
  type SixMonthMonitoring,
} from '@cocrea/domain';
import { exerciseErrors } from '../http/exerciseErrors';
import { httpErrors } from '../http/errors';
import { newId } from '../ids';
import { RecordConflictError } from '../storage/ExerciseStorage';
import { stampNow, todayOf, type Actor, type Clock } from './exerciseClock';
import type { ExerciseFiles } from './ExerciseFiles';
import { loadExercise, planVersionsOf, type ExerciseStores } from './exerciseRecords';

/** A PAM of an exercise, with the finalized versions it names. */
interface PlanContext {
  plan: ActionPlan;
  exerciseId: string;
  versions: CommitmentVersion[];
}

/**
 * *Seguimiento, monitoreo y evaluación* of an exercise's published PAM: progress of each activity
 * with its dated evidence (the domain's `applyProgress` decides; a refused update stores
 * nothing), the six-month monitoring, the final evaluation and the reminders for both. Every
 * record is append-only.
 */
export class TrackingService {
  constructor(
    private readonly stores: ExerciseStores,
    private readonly files: ExerciseFiles,
    private readonly clock: Clock,
  ) {}

  private async context(planId: string): Promise<PlanContext> {
    const plan = await this.stores.plans.get(planId);
    if (!plan) throw httpErrors.planNotFound();
    const exerciseId = await this.stores.plans.exerciseOf(plan.id);
    if (!exerciseId) throw exerciseErrors.conflict('El seguimiento se lleva sobre el PAM de un ejercicio; este PAM no forma parte de ninguno.');
    return { plan, exerciseId, versions: await planVersionsOf(this.stores, plan) };
  }

  /** Every reported activity and the roll-up of the plan. */
  async tracking(planId: string): Promise<{ tracking: ActivityTracking[]; progress: PlanProgress }> {
    const { plan, versions } = await this.context(planId);
    const tracking = await this.stores.planRecords.tracking(plan.id);
    return { tracking, progress: planProgress(plan, versions, tracking) };
  }

  /**
   * Reports on one activity: progress with evidence, or a cancellation. Refused with 422 and every
   * reason `applyProgress` gives (no rise without new evidence, no future evidence…); two reports
   * racing on one activity cannot both land (409 for the second).
   */
  async report(planId: string, commitmentId: string, activityId: string, input: ProgressUpdateInput, by: Actor): Promise<ActivityTracking> {
    const { plan, exerciseId, versions } = await this.context(planId);
    const version = versions.find((v) => v.content.commitment.id === commitmentId);
    if (!version || !version.content.roadmap.activities.some((a) => a.id === activityId)) throw exerciseErrors.activityNotFound();
    const update: ProgressUpdateInput =
      input.action === 'avance'
        ? {
            ...input,
            evidence: await Promise.all(input.evidence.map(async (e, i) => ({ ...e, document: await this.files.resolve(exerciseId, e.document, `evidence.${i}.document`) }))),
          }
        : input;
    const current = (await this.stores.planRecords.tracking(plan.id)).find((t) => t.commitmentId === commitmentId && t.activityId === activityId) ?? newActivityTracking(plan.id, commitmentId, activityId);
    const result = applyProgress(current, update, {
      today: todayOf(this.clock),
      launchDate: plan.status === 'publicado' ? plan.launchDate : null,
      meansOfVerification: version.content.roadmap.meansOfVerification,
      stamp: stampNow(by, this.clock),
      newId: () => newId(),
    });
    if (!result.ok) throw exerciseErrors.progressRefused(result.problems);
    const entry = result.activity.history.at(-1);
    if (!entry) throw new Error('applyProgress accepted an update without a history entry');
    try {
      await this.stores.planRecords.appendProgress({
        planId: plan.id,
        commitmentId,
        activityId,
        step: current.history.length,
        entry,
        evidence: result.activity.evidence.slice(current.evidence.length),
      });
    } catch (err) {
      if (err instanceof RecordConflictError) throw exerciseErrors.conflict('Otra persona actualizó esta actividad al mismo tiempo: recarga y vuelve a intentarlo.');
      throw err;
    }
    return result.activity;
  }

  /** Records the six-month monitoring (once), with the progress the tracking showed at its cut-off date. */
  async recordMonitoring(planId: string, input: MonitoringInput, by: Actor): Promise<SixMonthMonitoring> {
    const { plan, versions } = await this.context(planId);
    const problems = monitoringProblems(input, plan, todayOf(this.clock));
    if (problems.length > 0) throw exerciseErrors.recordRefused(problems);
    const tracking = await this.stores.planRecords.tracking(plan.id);
    const monitoring = recordMonitoring(input, plan, versions, tracking, stampNow(by, this.clock), newId());
    try {
      await this.stores.planRecords.saveMonitoring(monitoring);
    } catch (err) {
      if (err instanceof RecordConflictError) throw exerciseErrors.conflict('El monitoreo de este PAM ya está registrado.');
      throw err;
    }
    return monitoring;
  }

  /** Records the final evaluation (once); answers where it differs from what the tracking computes. */
  async recordEvaluation(planId: string, input: FinalEvaluationInput, by: Actor): Promise<{ evaluation: FinalEvaluation; discrepancies: string[] }> {
    const { plan, versions } = await this.context(planId);
    const problems = evaluationProblems(input, plan, todayOf(this.clock));
    if (problems.length > 0) throw exerciseErrors.recordRefused(problems);
    const evaluation: FinalEvaluation = { ...input, id: newId(), planId: plan.id, recorded: stampNow(by, this.clock) };
    try {
      await this.stores.planRecords.saveEvaluation(evaluation);
    } catch (err) {
      if (err instanceof RecordConflictError) throw exerciseErrors.conflict('La evaluación final de este PAM ya está registrada.');
      throw err;
    }
    const tracking = await this.stores.planRecords.tracking(plan.id);
    return { evaluation, discrepancies: completionDiscrepancies(input, planProgress(plan, versions, tracking)) };
  }

  /** The monitoring and evaluation reminders of the exercise's PAM, today (none before it is published). */
  async reminders(exerciseId: string): Promise<DueReminder[]> {
    const loaded = await loadExercise(this.stores, exerciseId);
    return loaded.plan ? dueReminders(loaded.plan, loaded.monitoring, loaded.evaluation, todayOf(this.clock)) : [];
  }
}
