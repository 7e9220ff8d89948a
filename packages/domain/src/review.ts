import { z } from 'zod';

/**
 * The *revisión de factibilidad y viabilidad* of a preliminary commitment: per criterion a verdict
 * and its reasons. Criteria are the guide's qualities of a commitment and its relevance to the
 * open-government values.
 */
export const QUALITY_CRITERIA = [
  'concreto',
  'incluyente',
  'estrategico',
  'alto_potencial_transformador',
  'medible',
  'replicable',
] as const;

/** Relevance to the open-government values. */
export const VALUE_CRITERIA = ['transparencia', 'participacion_ciudadana', 'rendicion_de_cuentas', 'innovacion'] as const;

/** Every criterion a review must answer. */
export const REVIEW_CRITERIA = [...QUALITY_CRITERIA, ...VALUE_CRITERIA] as const;

/** One criterion of the review. */
export type ReviewCriterion = (typeof REVIEW_CRITERIA)[number];

/** Spanish labels of the criteria, as the guide names them. */
export const CRITERION_LABELS: Record<ReviewCriterion, string> = {
  concreto: 'Concreto',
  incluyente: 'Incluyente',
  estrategico: 'Estratégico',
  alto_potencial_transformador: 'De alto potencial transformador',
  medible: 'Medible',
  replicable: 'Replicable',
  transparencia: 'Transparencia',
  participacion_ciudadana: 'Participación ciudadana',
  rendicion_de_cuentas: 'Rendición de cuentas',
  innovacion: 'Innovación',
};

/** A verdict on one criterion. */
export const VERDICTS = ['cumple', 'cumple_parcialmente', 'no_cumple'] as const;

/** The review's overall decision: only `factible` lets a commitment become *definitivo*. */
export const DECISIONS = ['factible', 'requiere_ajustes', 'no_factible'] as const;

const criterionReview = z.object({
  verdict: z.enum(VERDICTS, { error: 'Elige un dictamen: cumple, cumple parcialmente o no cumple.' }),
  reasons: z
    .string({ error: 'Explica las razones del dictamen.' })
    .trim()
    .min(1, { error: 'Explica las razones del dictamen.' })
    .max(2000, { error: 'Las razones admiten como máximo 2000 caracteres.' }),
});

/** What a reviewer submits: every criterion answered, plus a decision. */
export const reviewInputSchema = z.object({
  criteria: z.object(
    Object.fromEntries(REVIEW_CRITERIA.map((c) => [c, criterionReview])) as Record<ReviewCriterion, typeof criterionReview>,
    { error: 'Responde todos los criterios de la revisión.' },
  ),
  decision: z.enum(DECISIONS, { error: 'Elige la decisión: factible, requiere ajustes o no factible.' }),
  notes: z.string().trim().max(4000).optional().default(''),
});

/** A validated review submission. */
export type ReviewInput = z.output<typeof reviewInputSchema>;
