/**
 * Exports of finalized commitments and PAMs: open data (JSON + schema), CSV, Decidim CSV, DOCX,
 * PDF, and the agreed problem tree as SVG/PNG. Every function takes `plan` (null for a
 * single-commitment export) and the commitment versions in plan order, and does no I/O.
 */
export { toActivitiesCsv, ACTIVITIES_CSV_COLUMNS } from './csv';
export { toDecidimCsv, DECIDIM_COLUMNS, decidimChildId, decidimResultId } from './decidimCsv';
export { toDocx } from './docx';
export { EXPORT_FORMATS, exportFileName, isExportFormat, type ExportFormat } from './formats';
export { formatDate, formatInstant } from './format';
export {
  toOpenData,
  OPEN_DATA_SCHEMA_VERSION,
  PAM_SCHEMA_ID,
  type ExportOptions,
  type OpenCommitment,
  type OpenDataDocument,
  type OpenPlan,
} from './openData';
export { toPdf } from './pdf';
export { toTreePng } from './treePng';
export { toTreeSvg, TREE_COLORS } from './treeSvg';
