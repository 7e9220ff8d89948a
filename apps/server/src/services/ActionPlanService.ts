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
import type { ActionPlanStore } from '../storage/ActionPlanStore';
import type { CommitmentStore } from '../storage/CommitmentStore';

const stampOf = (p: Principal): Stamp => ({ by: { id: p.id, name: p.name }, at: new Date().toISOString() });

/** The *Plan de Acción Municipal*: gathering finalized commitments, approval, publication. */
export class ActionPlanService {
  constructor(
    private readonly plans: ActionPlanStore,
    private readonly commitments: CommitmentStore,
  ) {}

  /** The plan or a 404. */
  get(id: string): ActionPlan {
    const p = this.plans.get(id);
    if (!p) throw httpErrors.planNotFound();
    return p;
  }

  /** The finalized versions a plan includes, in plan order. */
  versionsOf(plan: ActionPlan): CommitmentVersion[] {
    return plan.entries.map((e) => this.commitments.version(e.commitmentId, e.version)).filter((v): v is CommitmentVersion => v !== undefined);
  }

  /** Creates a draft PAM. */
  create(input: z.output<typeof actionPlanInputSchema>, by: Principal): ActionPlan {
    return this.plans.create({ id: newId(), title: input.title, municipality: input.municipality, launchDate: input.launchDate ?? null, created: stampOf(by) });
  }

  /** Edits title, municipality or launch date until the plan is published. */
  update(id: string, changes: { title?: string; municipality?: string; launchDate?: string }): ActionPlan {
    if (this.get(id).status === 'publicado') throw httpErrors.transition('Un PAM publicado ya no se modifica.');
    this.plans.update(id, changes);
    return this.get(id);
  }

  /** Adds a finalized commitment (its latest version unless `version` is given) to a draft plan. */
  addEntry(id: string, commitmentId: string, version?: number): ActionPlan {
    if (this.get(id).status !== 'borrador') throw httpErrors.transition('Solo se agregan compromisos a un PAM en borrador.');
    const c = this.commitments.get(commitmentId);
    if (!c) throw httpErrors.commitmentNotFound();
    const v = version ?? c.version;
    if (v < 1 || !this.commitments.version(commitmentId, v)) throw httpErrors.transition('Solo se agregan compromisos finalizados.');
    this.plans.setEntry(id, { commitmentId, version: v });
    return this.get(id);
  }

  /** Removes a commitment from a draft plan. */
  removeEntry(id: string, commitmentId: string): ActionPlan {
    if (this.get(id).status !== 'borrador') throw httpErrors.transition('Solo se quitan compromisos de un PAM en borrador.');
    this.plans.removeEntry(id, commitmentId);
    return this.get(id);
  }

  /** `borrador` → `aprobado` → `publicado`. */
  advance(id: string, to: 'aprobado' | 'publicado', by: Principal): ActionPlan {
    const problem = planTransitionProblem(this.get(id), to);
    if (problem) throw httpErrors.transition(problem);
    this.plans.setStatus(id, to, stampOf(by));
    return this.get(id);
  }
}
