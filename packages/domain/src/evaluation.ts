import { z } from 'zod';
import { validUntil, type ActionPlan } from './actionPlan';
import type { Stamp } from './actor';
import { addDays, addMonths, dateField, formatDateEs } from './dates';
import { OGP_COMPLETION_LABELS, OGP_COMPLETION_LEVELS, planProgress, type OgpCompletionLevel, type PlanProgress } from './progress';
import type { CommitmentVersion } from './snapshot';
import { trackingAsOf, type ActivityTracking } from './tracking';
import { QUALITY_CRITERIA, VALUE_CRITERIA, VERDICTS } from './review';

/**
 * *Monitoreo y evaluación* of a PAM. The guide: "A los seis meses de haber iniciado la
 * implementación […] la Dirección General de Transparencia, Acceso a la Información Pública y
 * Gobierno Abierto del Infoem realizará un ejercicio de monitoreo a través del cual se valorará la
 * calidad y relevancia de los compromisos asumidos en el municipio, así como el avance en las
 * actividades realizadas hasta dicha fecha. Finalmente, al concluir el año de vigencia del PAM,
 * esta misma Dirección General coordinará los trabajos de evaluación de desempeño". Quality is
 * judged on the guide's qualities of a commitment and relevance on the open-government values
 * (the criteria of the feasibility review, `review.ts`); the final evaluation uses the scales of
 * OGP's Independent Reporting Mechanism (IRM), which the guide leaves open.
 */

/** Who monitors and evaluates, in the guide's words. */
export const MONITORING_BODY = 'Dirección General de Transparencia, Acceso a la Información Pública y Gobierno Abierto del Infoem';

/** One of the guide's qualities of a commitment. */
export type QualityCriterion = (typeof QUALITY_CRITERIA)[number];
/** One of the open-government values. */
export type ValueCriterion = (typeof VALUE_CRITERIA)[number];
/** A verdict on a criterion (`cumple`, `cumple_parcialmente`, `no_cumple`). */
export type Verdict = (typeof VERDICTS)[number];

/** Whether the activities go as the roadmap planned at the cut-off date. */
export const SCHEDULE_ASSESSMENTS = ['adelantado', 'en_tiempo', 'con_retraso'] as const;

/** IRM *potential for results*: unclear, modest, substantial. */
export const POTENTIAL_FOR_RESULTS = ['poco_claro', 'modesto', 'sustancial'] as const;

/** IRM *did it open government?*: worsened, did not change, marginal, major, outstanding. */
export const OPENED_GOVERNMENT = ['empeoro', 'no_cambio', 'marginal', 'mayor', 'sobresaliente'] as const;

/** Spanish labels of every scale value of this file. */
export const EVALUATION_LABELS = {
  adelantado: 'Adelantado',
  en_tiempo: 'En tiempo',
  con_retraso: 'Con retraso',
  poco_claro: 'Poco claro',
  modesto: 'Modesto',
  sustancial: 'Sustancial',
  empeoro: 'Empeoró',
  no_cambio: 'No cambió',
  marginal: 'Marginal',
  mayor: 'Mayor',
  sobresaliente: 'Sobresaliente',
} as const satisfies Record<
  (typeof SCHEDULE_ASSESSMENTS)[number] | (typeof POTENTIAL_FOR_RESULTS)[number] | (typeof OPENED_GOVERNMENT)[number],
  string
>;

const reasons = z
  .string({ error: 'Explica las razones de la valoración.' })
  .trim()
  .min(1, { error: 'Explica las razones de la valoración.' })
  .max(4000, { error: 'Las razones admiten como máximo 4000 caracteres.' });
const verdict = z.object(
  { verdict: z.enum(VERDICTS, { error: 'Elige: cumple, cumple parcialmente o no cumple.' }), reasons },
  { error: 'Valora este criterio: dictamen y razones.' },
);
const criteria = <C extends string>(list: readonly C[], message: string) =>
  z.object(Object.fromEntries(list.map((c) => [c, verdict])) as Record<C, typeof verdict>, { error: message });
const commitmentId = z.string({ error: 'Falta el compromiso.' }).min(1, { error: 'Falta el compromiso.' });

/** The six-month assessment of one commitment, as submitted. */
export const commitmentMonitoringInputSchema = z.object({
  commitmentId,
  quality: criteria(QUALITY_CRITERIA, 'Valora todas las cualidades del compromiso.'),
  relevance: criteria(VALUE_CRITERIA, 'Valora la relevancia para todos los valores de gobierno abierto.'),
  schedule: z.object({ value: z.enum(SCHEDULE_ASSESSMENTS, { error: 'Indica si va adelantado, en tiempo o con retraso.' }), reasons }),
  recommendations: z.string().trim().max(4000, { error: 'Las recomendaciones admiten como máximo 4000 caracteres.' }).optional().default(''),
});

/** The six-month monitoring of a PAM, as submitted. */
export const monitoringInputSchema = z.object({
  cutoffDate: dateField('Indica la fecha de corte del monitoreo (AAAA-MM-DD).'),
  conductedBy: z.string().trim().min(1).max(300).optional().default(MONITORING_BODY),
  commitments: z.array(commitmentMonitoringInputSchema).min(1, { error: 'Valora al menos un compromiso.' }),
});

/** A validated monitoring submission. */
export type MonitoringInput = z.output<typeof monitoringInputSchema>;

/** A commitment's monitoring, with the progress the tracking showed at the cut-off date. */
export type CommitmentMonitoring = MonitoringInput['commitments'][number] & {
  progress: { percent: number; level: OgpCompletionLevel };
};

/** The recorded six-month monitoring. */
export interface SixMonthMonitoring {
  id: string;
  planId: string;
  cutoffDate: string;
  conductedBy: string;
  commitments: CommitmentMonitoring[];
  recorded: Stamp;
}

/** The final evaluation of one commitment, as submitted. */
export const commitmentEvaluationInputSchema = z.object({
  commitmentId,
  verifiable: z.object({ value: z.boolean({ error: 'Indica si el compromiso es verificable.' }), reasons }),
  potentialForResults: z.object({ value: z.enum(POTENTIAL_FOR_RESULTS, { error: 'Elige el potencial de resultados: poco claro, modesto o sustancial.' }), reasons }),
  completion: z.object({ value: z.enum(OGP_COMPLETION_LEVELS, { error: 'Elige el nivel de cumplimiento: no iniciado, limitado, sustancial o completo.' }), reasons }),
  openedGovernment: z.object({
    value: z.enum(OPENED_GOVERNMENT, { error: 'Elige si abrió el gobierno: empeoró, no cambió, marginal, mayor o sobresaliente.' }),
    reasons,
  }),
});

/** The final evaluation of a PAM, as submitted. */
export const finalEvaluationInputSchema = z.object({
  date: dateField('Indica la fecha de la evaluación (AAAA-MM-DD).'),
  conductedBy: z.string().trim().min(1).max(300).optional().default(MONITORING_BODY),
  summary: z.string().trim().max(8000, { error: 'El resumen admite como máximo 8000 caracteres.' }).optional().default(''),
  commitments: z.array(commitmentEvaluationInputSchema).min(1, { error: 'Evalúa al menos un compromiso.' }),
});

/** A validated final evaluation. */
export type FinalEvaluationInput = z.output<typeof finalEvaluationInputSchema>;

/** The recorded final evaluation. */
export interface FinalEvaluation extends FinalEvaluationInput {
  id: string;
  planId: string;
  recorded: Stamp;
}

/** The six-month mark: the earliest cut-off date of the monitoring, six months after the PAM's public launch. */
export function sixMonthMark(launchDate: string): string {
  return addMonths(launchDate, 6);
}

/** When the final evaluation opens: the day after the last day of the PAM's year. */
export function evaluationOpenDate(launchDate: string): string {
  return addDays(validUntil(launchDate), 1);
}

/** Every plan commitment assessed exactly once, and nothing else. */
function coverageProblems(plan: ActionPlan, ids: readonly string[], what: string): string[] {
  const out: string[] = [];
  const inPlan = new Set(plan.entries.map((e) => e.commitmentId));
  const seen = new Set<string>();
  for (const id of ids) {
    if (!inPlan.has(id)) out.push(`El compromiso ${id} no forma parte del PAM.`);
    else if (seen.has(id)) out.push(`El compromiso ${id} aparece más de una vez en ${what}.`);
    seen.add(id);
  }
  for (const id of inPlan) if (!seen.has(id)) out.push(`Falta valorar el compromiso ${id} en ${what}.`);
  return out;
}

/**
 * Why a monitoring cannot be recorded, in Spanish; empty when it can. The plan must have been
 * launched; the cut-off date falls between the six-month mark and the end of the PAM's year, and
 * is not in the future; every commitment of the plan is assessed once.
 */
export function monitoringProblems(input: MonitoringInput, plan: ActionPlan, today: string): string[] {
  if (plan.status !== 'publicado' || !plan.launchDate) return ['El monitoreo se hace sobre un PAM publicado.'];
  const out: string[] = [];
  const due = sixMonthMark(plan.launchDate);
  if (input.cutoffDate < due) out.push(`El monitoreo es a los seis meses del lanzamiento: la fecha de corte no puede ser anterior al ${formatDateEs(due)}.`);
  if (input.cutoffDate > validUntil(plan.launchDate)) out.push('La fecha de corte del monitoreo cae fuera del año de vigencia del PAM.');
  if (input.cutoffDate > today) out.push('La fecha de corte del monitoreo no puede ser futura.');
  return [...out, ...coverageProblems(plan, input.commitments.map((c) => c.commitmentId), 'el monitoreo')];
}

/**
 * Why a final evaluation cannot be recorded, in Spanish; empty when it can: it is made once the
 * PAM's year has concluded, not in the future, and assesses every commitment once.
 */
export function evaluationProblems(input: FinalEvaluationInput, plan: ActionPlan, today: string): string[] {
  if (plan.status !== 'publicado' || !plan.launchDate) return ['La evaluación se hace sobre un PAM publicado.'];
  const out: string[] = [];
  const opens = evaluationOpenDate(plan.launchDate);
  if (input.date < opens) out.push(`La evaluación final se hace al concluir el año de vigencia del PAM, a partir del ${formatDateEs(opens)}.`);
  if (input.date > today) out.push('La fecha de la evaluación no puede ser futura.');
  return [...out, ...coverageProblems(plan, input.commitments.map((c) => c.commitmentId), 'la evaluación')];
}

/**
 * Commitments whose evaluated completion differs from the level the tracking computes, as Spanish
 * sentences. Not a refusal — evaluators judge the evidence, and may see what the tracking does not
 * — but the difference is shown beside the evaluation so that it is explained.
 */
export function completionDiscrepancies(input: FinalEvaluationInput, progress: PlanProgress): string[] {
  const computed = new Map(progress.commitments.map((c) => [c.commitmentId, c]));
  return input.commitments.flatMap((c) => {
    const p = computed.get(c.commitmentId);
    if (!p || p.level === c.completion.value) return [];
    return [
      `Compromiso ${c.commitmentId}: la evaluación dice «${OGP_COMPLETION_LABELS[c.completion.value]}» y el seguimiento registra «${OGP_COMPLETION_LABELS[p.level]}» (${Math.round(p.progress)} %).`,
    ];
  });
}

/**
 * The monitoring to store: the submission plus, per commitment, the progress the tracking showed
 * at the end of the cut-off date (reports made later do not count). Check
 * {@link monitoringProblems} first.
 */
export function recordMonitoring(
  input: MonitoringInput,
  plan: ActionPlan,
  versions: readonly CommitmentVersion[],
  tracking: readonly ActivityTracking[],
  recorded: Stamp,
  id: string,
): SixMonthMonitoring {
  const progress = planProgress(plan, versions, tracking.map((t) => trackingAsOf(t, input.cutoffDate)));
  const byId = new Map(progress.commitments.map((c) => [c.commitmentId, c]));
  return {
    id,
    planId: plan.id,
    cutoffDate: input.cutoffDate,
    conductedBy: input.conductedBy,
    commitments: input.commitments.map((c) => {
      const p = byId.get(c.commitmentId);
      return { ...c, progress: { percent: p?.progress ?? 0, level: p?.level ?? 'no_iniciado' } };
    }),
    recorded,
  };
}
