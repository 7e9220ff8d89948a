import {
  planTransitionProblem,
  type actionPlanInputSchema,
  type ActionPlan,
  type CommitmentVersion,
  type Stamp,
} from '@cocrea/domain';
import type { z } from 'zod';
import type { Principal } from '../auth/principal';
import { httpErrors } from '../http/errors';
import { exerciseErrors } from '../http/exerciseErrors';
import { newId } from '../ids';
import type { ActionPlanRepository, CommitmentRepository } from '../storage/Storage';
import { systemClock, type Clock } from './exerciseClock';
import type { PlanPublicationCheck } from './PlanApprovalService';

/**
 * The *Plan de Acción Municipal*: gathering finalized commitments, approval, publication. A PAM
 * that belongs to an exercise is approved by its STM, sector by sector (`PlanApprovalService`),
 * and is published only once `publication` finds nothing missing.
 */
export class ActionPlanService {
  constructor(
    private readonly plans: ActionPlanRepository,
    private readonly commitments: CommitmentRepository,
    private readonly publication?: PlanPublicationCheck,
    private readonly clock: Clock = systemClock,
  ) {}

  private stampOf(p: Pick<Principal, 'id' | 'name'>): Stamp {
    return { by: { id: p.id, name: p.name }, at: this.clock().toISOString() };
  }

  /** The plan or a 404. */
  async get(id: string): Promise<ActionPlan> {
    const p = await this.plans.get(id);
    if (!p) throw httpErrors.planNotFound();
    return p;
  }

  /** The finalized versions a plan includes, in plan order. */
  async versionsOf(plan: ActionPlan): Promise<CommitmentVersion[]> {
    const versions = await Promise.all(plan.entries.map((e) => this.commitments.version(e.commitmentId, e.version)));
    return versions.filter((v): v is CommitmentVersion => v !== undefined);
  }

  /** Only published plans, or a 404: what the public may see. */
  async getPublished(id: string): Promise<ActionPlan> {
    const p = await this.plans.get(id);
    if (!p || p.status !== 'publicado') throw httpErrors.planNotFound();
    return p;
  }

  /** Creates a draft PAM. */
  create(input: z.output<typeof actionPlanInputSchema>, by: Principal): Promise<ActionPlan> {
    return this.plans.create({ id: newId(), title: input.title, municipality: input.municipality, launchDate: input.launchDate ?? null, created: this.stampOf(by) });
  }

  /** Edits title, municipality or launch date until the plan is published. */
  async update(id: string, changes: { title?: string; municipality?: string; launchDate?: string }): Promise<ActionPlan> {
    if ((await this.get(id)).status === 'publicado') throw httpErrors.transition('Un PAM publicado ya no se modifica.');
    await this.plans.update(id, changes);
    return this.get(id);
  }

  /** Adds a finalized commitment (its latest version unless `version` is given) to a draft plan. */
  async addEntry(id: string, commitmentId: string, version?: number): Promise<ActionPlan> {
    if ((await this.get(id)).status !== 'borrador') throw httpErrors.transition('Solo se agregan compromisos a un PAM en borrador.');
    const c = await this.commitments.get(commitmentId);
    if (!c) throw httpErrors.commitmentNotFound();
    const v = version ?? c.version;
    if (v < 1 || !(await this.commitments.version(commitmentId, v))) throw httpErrors.transition('Solo se agregan compromisos finalizados.');
    await this.plans.setEntry(id, { commitmentId, version: v });
    return this.get(id);
  }

  /** Removes a commitment from a draft plan. */
  async removeEntry(id: string, commitmentId: string): Promise<ActionPlan> {
    if ((await this.get(id)).status !== 'borrador') throw httpErrors.transition('Solo se quitan compromisos de un PAM en borrador.');
    await this.plans.removeEntry(id, commitmentId);
    return this.get(id);
  }

  /**
   * `borrador` → `aprobado` → `publicado`. For a PAM of an exercise, approval is the STM's (never
   * this call), and publishing is refused with 422 and every missing requirement
   * (`publicationGaps`: commitments, launch date, the STM's minimum composition, each sector's
   * approval) — nothing changes then.
   */
  async advance(id: string, to: 'aprobado' | 'publicado', by: Pick<Principal, 'id' | 'name'>): Promise<ActionPlan> {
    const plan = await this.get(id);
    const check = await this.publication?.publicationCheck(plan);
    if (check) {
      if (to === 'aprobado') throw httpErrors.transition('Este PAM es de un ejercicio: lo aprueba el STM, cada sector por su titular o suplente (POST /api/pams/:id/approvals).');
      if (plan.status === 'publicado') throw httpErrors.transition('El PAM ya está publicado.');
      if (check.missing.length > 0) throw exerciseErrors.publicationIncomplete(check.missing);
      // Every sector approved after the STM was complete: the plan is approved as of the last approval.
      if (plan.status === 'borrador') await this.plans.setStatus(id, 'aprobado', check.approved ?? this.stampOf(by));
    }
    const problem = planTransitionProblem(await this.get(id), to);
    if (problem) throw httpErrors.transition(problem);
    await this.plans.setStatus(id, to, this.stampOf(by));
    return this.get(id);
  }
}
