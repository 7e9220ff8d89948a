import { z } from 'zod';
import type { Stamp } from './actor';
import type { ReviewInput } from './review';

/**
 * A solution alternative (*alternativa de solución*) formulated from the tree, linked to the
 * causes it addresses.
 */
export interface SolutionAlternative {
  id: string;
  mesaId: string;
  text: string;
  causeIds: string[];
  created: Stamp;
}

/** Input for a new alternative. */
export const alternativeInputSchema = z.object({
  text: z.string({ error: 'Describe la alternativa.' }).trim().min(1, { error: 'Describe la alternativa.' }).max(2000),
  causeIds: z.array(z.string().min(1)).max(100).default([]),
});

/** A validated alternative. */
export type AlternativeInput = z.output<typeof alternativeInputSchema>;

/**
 * Where a commitment stands:
 * `preliminar` → (review) `revisado` → `definitivo` → (finalize) `finalizado`;
 * a facilitator can reopen a finalized commitment as a new version (`definitivo` again).
 */
export type CommitmentStatus = 'preliminar' | 'revisado' | 'definitivo' | 'finalizado';

/** A recorded review. */
export interface CommitmentReview extends ReviewInput {
  stamp: Stamp;
}

/** A *compromiso* of a mesa. */
export interface Commitment {
  id: string;
  mesaId: string;
  title: string;
  /** What the commitment sets out to do. */
  description: string;
  alternativeIds: string[];
  status: CommitmentStatus;
  created: Stamp;
  review: CommitmentReview | null;
  madeDefinitive: Stamp | null;
  /** Who last reopened a finalized version for a new one, and when. */
  reopened: Stamp | null;
  /** Latest finalized version number, 0 when never finalized. */
  version: number;
  /** The roadmap is editable (not finalized, or reopened). */
  editable: boolean;
}

/** Input for a preliminary commitment. */
export const commitmentInputSchema = z.object({
  title: z
    .string({ error: 'El título del compromiso es obligatorio.' })
    .trim()
    .min(1, { error: 'El título del compromiso es obligatorio.' })
    .max(200, { error: 'El título admite como máximo 200 caracteres.' }),
  description: z.string().trim().max(4000).optional().default(''),
  alternativeIds: z.array(z.string().min(1)).max(50).default([]),
});

/** A validated preliminary commitment. */
export type CommitmentInput = z.output<typeof commitmentInputSchema>;

/** Why a transition is not allowed, in Spanish; `null` when it is. */
export function transitionProblem(c: Commitment, to: 'revisado' | 'definitivo' | 'finalizado' | 'reabierto'): string | null {
  switch (to) {
    case 'revisado':
      return c.status === 'preliminar' || c.status === 'revisado'
        ? null
        : 'Solo un compromiso preliminar puede pasar por la revisión de factibilidad.';
    case 'definitivo':
      if (c.status !== 'revisado' || !c.review) return 'El compromiso necesita una revisión de factibilidad y viabilidad antes de ser definitivo.';
      return c.review.decision === 'factible' ? null : 'La revisión no lo declaró factible: ajusta el compromiso y vuelve a revisarlo.';
    case 'finalizado':
      return c.status === 'definitivo' && c.editable ? null : 'Solo se finaliza un compromiso definitivo con la hoja de ruta abierta.';
    case 'reabierto':
      return c.status === 'finalizado' ? null : 'Solo se abre una nueva versión de un compromiso finalizado.';
  }
}
