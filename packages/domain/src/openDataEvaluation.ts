import type { ActionPlan } from './actionPlan';
import { EVALUATION_LABELS, type FinalEvaluation, type SixMonthMonitoring } from './evaluation';
import type { OpenDataRow } from './openData';
import { OGP_COMPLETION_LABELS, displayProgress, planVersions } from './progress';
import { CRITERION_LABELS, QUALITY_CRITERIA, VALUE_CRITERIA } from './review';
import type { CommitmentVersion } from './snapshot';

/**
 * Monitoring and evaluation results as open data, in long form: one row per commitment, instrument
 * and criterion, so that the six-month monitoring and the final evaluation share one table and a
 * new criterion adds rows, not columns.
 */

/** Columns of the monitoring-and-evaluation table. */
export const EVALUATION_COLUMNS = [
  'pam_id',
  'compromiso_id',
  'compromiso_titulo',
  'instrumento',
  'fecha',
  'grupo',
  'criterio',
  'criterio_nombre',
  'valoracion',
  'valoracion_nombre',
  'razones',
] as const;

type Row = OpenDataRow<typeof EVALUATION_COLUMNS>;

const VERDICT_LABELS = { cumple: 'Cumple', cumple_parcialmente: 'Cumple parcialmente', no_cumple: 'No cumple' } as const;

/**
 * Rows of the six-month monitoring (`instrumento` = `monitoreo_seis_meses`, dated by its cut-off)
 * and of the final evaluation (`evaluacion_final`), commitments in the plan's order. Groups:
 * `calidad`, `relevancia`, `avance` (monitoring); `evaluacion` (final).
 */
export function evaluationRows(
  plan: ActionPlan,
  versions: readonly CommitmentVersion[],
  monitoring: SixMonthMonitoring | null,
  evaluation: FinalEvaluation | null,
): Row[] {
  const rows: Row[] = [];
  for (const v of planVersions(plan, versions)) {
    const id = v.content.commitment.id;
    const base = { pam_id: plan.id, compromiso_id: id, compromiso_titulo: v.content.commitment.title };
    const m = monitoring?.planId === plan.id ? monitoring.commitments.find((c) => c.commitmentId === id) : undefined;
    if (monitoring && m) {
      const at = { ...base, instrumento: 'monitoreo_seis_meses', fecha: monitoring.cutoffDate };
      for (const c of QUALITY_CRITERIA) {
        rows.push({ ...at, grupo: 'calidad', criterio: c, criterio_nombre: CRITERION_LABELS[c], valoracion: m.quality[c].verdict, valoracion_nombre: VERDICT_LABELS[m.quality[c].verdict], razones: m.quality[c].reasons });
      }
      for (const c of VALUE_CRITERIA) {
        rows.push({ ...at, grupo: 'relevancia', criterio: c, criterio_nombre: CRITERION_LABELS[c], valoracion: m.relevance[c].verdict, valoracion_nombre: VERDICT_LABELS[m.relevance[c].verdict], razones: m.relevance[c].reasons });
      }
      rows.push({ ...at, grupo: 'avance', criterio: 'avance', criterio_nombre: 'Avance registrado a la fecha de corte', valoracion: displayProgress(m.progress.percent), valoracion_nombre: OGP_COMPLETION_LABELS[m.progress.level], razones: '' });
      rows.push({ ...at, grupo: 'avance', criterio: 'calendario', criterio_nombre: 'Avance frente al calendario', valoracion: m.schedule.value, valoracion_nombre: EVALUATION_LABELS[m.schedule.value], razones: m.schedule.reasons });
      if (m.recommendations) rows.push({ ...at, grupo: 'avance', criterio: 'recomendaciones', criterio_nombre: 'Recomendaciones', valoracion: null, valoracion_nombre: null, razones: m.recommendations });
    }
    const e = evaluation?.planId === plan.id ? evaluation.commitments.find((c) => c.commitmentId === id) : undefined;
    if (evaluation && e) {
      const at = { ...base, instrumento: 'evaluacion_final', fecha: evaluation.date, grupo: 'evaluacion' };
      rows.push({ ...at, criterio: 'verificable', criterio_nombre: '¿Es verificable?', valoracion: e.verifiable.value ? 'si' : 'no', valoracion_nombre: e.verifiable.value ? 'Sí' : 'No', razones: e.verifiable.reasons });
      rows.push({ ...at, criterio: 'potencial_de_resultados', criterio_nombre: 'Potencial de resultados', valoracion: e.potentialForResults.value, valoracion_nombre: EVALUATION_LABELS[e.potentialForResults.value], razones: e.potentialForResults.reasons });
      rows.push({ ...at, criterio: 'cumplimiento', criterio_nombre: 'Nivel de cumplimiento', valoracion: e.completion.value, valoracion_nombre: OGP_COMPLETION_LABELS[e.completion.value], razones: e.completion.reasons });
      rows.push({ ...at, criterio: 'abrio_el_gobierno', criterio_nombre: '¿Abrió el gobierno?', valoracion: e.openedGovernment.value, valoracion_nombre: EVALUATION_LABELS[e.openedGovernment.value], razones: e.openedGovernment.reasons });
    }
  }
  return rows;
}
