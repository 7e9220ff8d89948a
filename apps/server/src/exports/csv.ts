import type { Activity, ActionPlan, CommitmentVersion } from '@cocrea/domain';
import { stringify } from 'csv-stringify/sync';
import { DECISION_LABELS } from './labels';

/** Separator between the items of a list held in one cell (products, indicators, …). */
export const LIST_SEPARATOR = ' | ';

interface Row {
  plan: ActionPlan | null;
  v: CommitmentVersion;
  /** Position of the activity, from 1; 0 for the placeholder row of a commitment without any. */
  n: number;
  a: Activity | null;
}

/**
 * The columns of the activities CSV, in order; `docs/schemas/README.md` documents each one.
 * Headers are Spanish, lower case and ASCII so that spreadsheet formulas and data tools can name
 * them without quoting.
 */
export const ACTIVITIES_CSV_COLUMNS: readonly { header: string; value: (r: Row) => string | number }[] = [
  { header: 'pam_id', value: (r) => r.plan?.id ?? '' },
  { header: 'pam_titulo', value: (r) => r.plan?.title ?? '' },
  { header: 'municipio', value: (r) => r.plan?.municipality ?? '' },
  { header: 'pam_inicio_vigencia', value: (r) => r.plan?.launchDate ?? '' },
  { header: 'pam_fin_vigencia', value: (r) => r.plan?.validUntil ?? '' },
  { header: 'compromiso_id', value: (r) => r.v.content.commitment.id },
  { header: 'compromiso_version', value: (r) => r.v.version },
  { header: 'compromiso_titulo', value: (r) => r.v.content.commitment.title },
  { header: 'compromiso_descripcion', value: (r) => r.v.content.commitment.description },
  { header: 'mesa', value: (r) => r.v.content.mesa.title },
  { header: 'mesa_tematica', value: (r) => r.v.content.mesa.topic },
  { header: 'responsable_nombre', value: (r) => r.v.content.roadmap.responsible.name },
  { header: 'responsable_cargo', value: (r) => r.v.content.roadmap.responsible.position },
  { header: 'responsable_area', value: (r) => r.v.content.roadmap.responsible.office },
  { header: 'corresponsable_organizacion', value: (r) => r.v.content.roadmap.coResponsible.organization },
  { header: 'corresponsable_contacto', value: (r) => r.v.content.roadmap.coResponsible.contact },
  { header: 'actividad_numero', value: (r) => (r.a ? r.n : '') },
  { header: 'actividad_id', value: (r) => r.a?.id ?? '' },
  { header: 'actividad_descripcion', value: (r) => r.a?.description ?? '' },
  { header: 'actividad_responsable', value: (r) => r.a?.responsible ?? '' },
  { header: 'actividad_inicio', value: (r) => r.a?.startDate ?? '' },
  { header: 'actividad_conclusion', value: (r) => r.a?.endDate ?? '' },
  { header: 'resultado_final', value: (r) => r.v.content.roadmap.finalResult },
  { header: 'productos_esperados', value: (r) => r.v.content.roadmap.expectedProducts.join(LIST_SEPARATOR) },
  {
    header: 'indicadores',
    value: (r) =>
      r.v.content.roadmap.indicators
        .map((i) => `${i.name} (${i.unit}): línea base ${i.baseline}; meta ${i.goal}`)
        .join(LIST_SEPARATOR),
  },
  { header: 'medios_de_verificacion', value: (r) => r.v.content.roadmap.meansOfVerification.join(LIST_SEPARATOR) },
  { header: 'compromiso_inicio', value: (r) => r.v.content.roadmap.startDate },
  { header: 'compromiso_conclusion', value: (r) => r.v.content.roadmap.endDate },
  { header: 'metas_ods', value: (r) => r.v.content.roadmap.odsTargets.join(LIST_SEPARATOR) },
  { header: 'revision_decision', value: (r) => DECISION_LABELS[r.v.content.review.decision] },
  { header: 'finalizado_por', value: (r) => r.v.finalized.by.name },
  { header: 'finalizado_en', value: (r) => r.v.finalized.at },
  { header: 'huella_sha256', value: (r) => r.v.contentHash },
];

/**
 * The activities CSV: UTF-8 with BOM (so Excel reads the accents), comma-separated, CRLF, one row
 * per activity with its commitment's elements repeated. A commitment without activities still
 * gets one row, with the activity columns empty, so no commitment disappears from the file.
 */
export function toActivitiesCsv(plan: ActionPlan | null, versions: readonly CommitmentVersion[]): string {
  const rows = versions.flatMap((v): Row[] => {
    const acts = v.content.roadmap.activities;
    return acts.length === 0 ? [{ plan, v, n: 0, a: null }] : acts.map((a, i) => ({ plan, v, n: i + 1, a }));
  });
  return stringify(
    rows.map((r) => ACTIVITIES_CSV_COLUMNS.map((c) => c.value(r))),
    {
      bom: true,
      header: true,
      columns: ACTIVITIES_CSV_COLUMNS.map((c) => c.header),
      record_delimiter: 'windows',
      // Passing a record delimiter turns this off by default; a lone \n inside a field must still be quoted.
      quote_record_delimiter: true,
      escape_formulas: true,
    },
  );
}
