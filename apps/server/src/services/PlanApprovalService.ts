import {
  approvalGaps,
  approvalProblem,
  publicationGaps,
  recordApproval,
  type ActionPlan,
  type PlanApprovalInput,
  type PlanEntry,
  type Stamp,
} from '@cocrea/domain';
import { exerciseErrors } from '../http/exerciseErrors';
import { HttpError, httpErrors } from '../http/errors';
import { newId } from '../ids';
import type { ExerciseRecord, StoredApproval, StoredMember } from '../storage/ExerciseStorage';
import { stampNow, type Actor, type Clock } from './exerciseClock';
import type { ExerciseStores } from './exerciseRecords';

/** What publishing an exercise's PAM still needs; `null` for a PAM outside any exercise. */
export interface PlanPublicationCheck {
  publicationCheck(plan: ActionPlan): Promise<{ missing: string[]; approved: Stamp | null } | null>;
}

const entriesKey = (entries: readonly PlanEntry[]) =>
  entries
    .map((e) => `${e.commitmentId}@${e.version}`)
    .sort()
    .join(',');

/** A PAM of an exercise with everything its approval rules read. */
interface PlanContext {
  plan: ActionPlan;
  exercise: ExerciseRecord;
  members: StoredMember[];
  approvals: StoredApproval[];
}

/**
 * The STM's approval of an exercise's PAM ("el documento consensado por el Secretariado Técnico
 * Municipal"): each sector approves through its titular or suplente, who acts through the cocrea
 * account linked to them in the registry of integrantes. Approvals are kept (append-only); the
 * plan becomes `aprobado` once every sector's approval counts, and publication is refused with
 * the domain's `publicationGaps` until then.
 */
export class PlanApprovalService implements PlanPublicationCheck {
  constructor(
    private readonly stores: ExerciseStores,
    private readonly clock: Clock,
  ) {}

  private async context(planId: string): Promise<PlanContext> {
    const plan = await this.stores.plans.get(planId);
    if (!plan) throw httpErrors.planNotFound();
    const exerciseId = await this.stores.plans.exerciseOf(plan.id);
    if (!exerciseId) throw exerciseErrors.conflict('Este PAM no forma parte de un ejercicio: se aprueba con POST /api/pams/:id/approve.');
    const exercise = await this.stores.exercises.get(exerciseId);
    if (!exercise) throw exerciseErrors.exerciseNotFound();
    const [members, approvals] = await Promise.all([this.stores.exercises.members(exerciseId), this.stores.planRecords.approvals(plan.id)]);
    return { plan, exercise, members, approvals };
  }

  /** The plan's approvals and what publishing it still needs. */
  async list(planId: string): Promise<{ approvals: StoredApproval[]; missing: string[] }> {
    const { plan, exercise, members, approvals } = await this.context(planId);
    return { approvals, missing: plan.status === 'publicado' ? [] : publicationGaps(plan, exercise.stm, members, approvals) };
  }

  /** Records the approval of the sector whose seat `by`'s account holds. */
  async approve(planId: string, by: Actor, input: PlanApprovalInput): Promise<{ approval: StoredApproval; pam: ActionPlan; missing: string[] }> {
    const { plan, exercise, members, approvals } = await this.context(planId);
    const stm = exercise.stm;
    const member = members.find((m) => m.accountId === by.id);
    if (!member) throw new HttpError(403, 'forbidden', 'Tu cuenta no está vinculada a una persona titular o suplente del STM de este ejercicio.');
    const problem = approvalProblem(plan, stm, members, member.id);
    if (problem) throw plan.status === 'publicado' || plan.entries.length === 0 ? exerciseErrors.conflict(problem) : new HttpError(403, 'forbidden', problem);
    const current = entriesKey(plan.entries);
    if (approvals.some((a) => a.memberId === member.id && entriesKey(a.entries) === current)) throw exerciseErrors.conflict('Ya aprobaste esta versión del PAM.');
    const approval: StoredApproval = { ...recordApproval(plan, stm, members, member.id, input, stampNow(by, this.clock), newId()), accountId: by.id };
    await this.stores.planRecords.addApproval(approval);
    const all = [...approvals, approval];
    if (plan.status === 'borrador' && approvalGaps(plan, stm, members, all).length === 0) await this.stores.plans.setStatus(plan.id, 'aprobado', approval.approved);
    const pam = (await this.stores.plans.get(plan.id)) as ActionPlan;
    return { approval, pam, missing: publicationGaps(pam, stm, members, all) };
  }

  async publicationCheck(plan: ActionPlan): Promise<{ missing: string[]; approved: Stamp | null } | null> {
    if (!(await this.stores.plans.exerciseOf(plan.id))) return null;
    const { exercise, members, approvals } = await this.context(plan.id);
    const missing = publicationGaps(plan, exercise.stm, members, approvals);
    const last = approvals.map((a) => a.approved).sort((a, b) => a.at.localeCompare(b.at)).at(-1) ?? null;
    return { missing, approved: last };
  }
}
