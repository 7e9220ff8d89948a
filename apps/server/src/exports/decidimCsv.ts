import type { ActionPlan, CommitmentVersion } from '@cocrea/domain';
import { stringify } from 'csv-stringify/sync';

/** Columns of Decidim's *Accountability* results import, in the order docs/api.md gives. */
export const DECIDIM_COLUMNS = [
  'id',
  'parent/id',
  'title/es',
  'description/es',
  'start_date',
  'end_date',
  'status/id',
  'progress',
  'proposal_urls',
] as const;

/**
 * The id of a commitment's result: prefixed so it never collides with Decidim's own numeric ids,
 * and stable across exports so a re-import updates instead of duplicating.
 */
export const decidimResultId = (commitmentId: string): string => `cocrea-${commitmentId}`;

/** The id of an activity's child result. */
export const decidimChildId = (commitmentId: string, activityId: string): string => `cocrea-${commitmentId}-${activityId}`;

function resultDescription(v: CommitmentVersion): string {
  const { commitment, roadmap: r } = v.content;
  const lines = [
    commitment.description,
    `Resultado final: ${r.finalResult}`,
    `Persona servidora pública responsable: ${r.responsible.name}, ${r.responsible.position} (${r.responsible.office}).`,
    `Organización co-responsable: ${r.coResponsible.organization}.`,
    r.indicators.length > 0 ? `Indicadores: ${r.indicators.map((i) => `${i.name} (meta: ${i.goal})`).join('; ')}.` : '',
    r.odsTargets.length > 0 ? `Metas ODS: ${r.odsTargets.join(', ')}.` : '',
  ];
  return lines.filter((l) => l.trim().length > 0).join('\n');
}

/**
 * The PAM for Decidim's *Accountability* import: `;`-separated (Decidim's default), one result per
 * commitment and one child result per activity, dates `YYYY-MM-DD`. `status/id` stays empty
 * because statuses are configured per Decidim installation, and `progress` is 0 at publication.
 * No BOM: Decidim matches the first header literally, and a BOM would hide the `id` column.
 */
export function toDecidimCsv(_plan: ActionPlan | null, versions: readonly CommitmentVersion[]): string {
  const rows: (string | number)[][] = [];
  for (const v of versions) {
    const { commitment, roadmap: r } = v.content;
    const parent = decidimResultId(commitment.id);
    rows.push([parent, '', commitment.title, resultDescription(v), r.startDate, r.endDate, '', 0, '']);
    for (const a of r.activities) {
      rows.push([
        decidimChildId(commitment.id, a.id),
        parent,
        a.description,
        `Responsable: ${a.responsible}.`,
        a.startDate,
        a.endDate,
        '',
        0,
        '',
      ]);
    }
  }
  return stringify(rows, {
    header: true,
    columns: [...DECIDIM_COLUMNS],
    delimiter: ';',
    record_delimiter: 'windows',
    quote_record_delimiter: true,
    escape_formulas: true,
  });
}
