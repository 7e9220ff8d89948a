import { z } from 'zod';
import type { Stamp } from './actor';
import { isoDate } from './roadmap';

/** `borrador` → `aprobado` → `publicado`. */
export type ActionPlanStatus = 'borrador' | 'aprobado' | 'publicado';

/** A finalized commitment version included in a plan. */
export interface PlanEntry {
  commitmentId: string;
  version: number;
}

/**
 * The *Plan de Acción Municipal* (PAM): the finalized commitments of a municipality's exercise,
 * valid for one year from its public launch.
 */
export interface ActionPlan {
  id: string;
  title: string;
  municipality: string;
  /** Public launch date (`YYYY-MM-DD`); the plan is valid for one year from it. */
  launchDate: string | null;
  validUntil: string | null;
  status: ActionPlanStatus;
  entries: PlanEntry[];
  created: Stamp;
  approved: Stamp | null;
  published: Stamp | null;
}

/** Input for a new PAM. */
export const actionPlanInputSchema = z.object({
  title: z.string({ error: 'El título del PAM es obligatorio.' }).trim().min(1, { error: 'El título del PAM es obligatorio.' }).max(200),
  municipality: z
    .string({ error: 'El municipio es obligatorio.' })
    .trim()
    .min(1, { error: 'El municipio es obligatorio.' })
    .max(120),
  launchDate: isoDate.optional(),
});

/** The last day of validity: one year after launch, minus a day. */
export function validUntil(launchDate: string): string {
  const d = new Date(`${launchDate}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Why a status change is refused, in Spanish; `null` when allowed. */
export function planTransitionProblem(plan: ActionPlan, to: 'aprobado' | 'publicado'): string | null {
  if (to === 'aprobado') {
    if (plan.status !== 'borrador') return 'Solo se aprueba un PAM en borrador.';
    if (plan.entries.length === 0) return 'El PAM necesita al menos un compromiso finalizado.';
    return null;
  }
  if (plan.status !== 'aprobado') return 'Solo se publica un PAM aprobado.';
  if (!plan.launchDate) return 'Indica la fecha de lanzamiento público antes de publicar.';
  return null;
}
