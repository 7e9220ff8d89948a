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
import { newId } from '../ids';
import type { ActionPlanRepository, CommitmentRepository } from '../storage/Storage';

const stampOf = (p: Principal): Stamp => ({ by: { id: p.id, name: p.name }, at: new Date().toISOString() });

/** The *Plan de Acción Municipal*: gathering finalized commitments, approval, publication. */
export class ActionPlanService {
  constructor(
    private readonly plans: ActionPlanRepository,
    private readonly commitments: CommitmentRepository,
  ) {}

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
    return this.plans.create({ id: newId(), title: input.title, municipality: input.municipality, launchDate: input.launchDate ?? null, created: stampOf(by) });
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

  /** `borrador` → `aprobado` → `publicado`. */
  async advance(id: string, to: 'aprobado' | 'publicado', by: Principal): Promise<ActionPlan> {
    const problem = planTransitionProblem(await this.get(id), to);
    if (problem) throw httpErrors.transition(problem);
    await this.plans.setStatus(id, to, stampOf(by));
    return this.get(id);
  }
}
