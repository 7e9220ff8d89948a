/** Every export format, keyed as in the export URLs (`export.json`, `export.decidim.csv`, `tree.png`). */
export const EXPORT_FORMATS = {
  json: { contentType: 'application/json; charset=utf-8', extension: 'json' },
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv' },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
  pdf: { contentType: 'application/pdf', extension: 'pdf' },
  'decidim.csv': { contentType: 'text/csv; charset=utf-8', extension: 'decidim.csv' },
  svg: { contentType: 'image/svg+xml; charset=utf-8', extension: 'svg' },
  png: { contentType: 'image/png', extension: 'png' },
} as const satisfies Record<string, { contentType: string; extension: string }>;

/** A key of {@link EXPORT_FORMATS}. */
export type ExportFormat = keyof typeof EXPORT_FORMATS;

/** Whether `s` names an export format (for route parameters). */
export function isExportFormat(s: string): s is ExportFormat {
  return Object.hasOwn(EXPORT_FORMATS, s);
}

const MAX_BASE = 80;

/**
 * A file name that survives every browser, OS and `Content-Disposition` header: lower-case ASCII
 * letters, digits and hyphens, accents folded ("Plan de Acción — Toluca 2027" →
 * `plan-de-accion-toluca-2027`), then the format's extension. Falls back to `exportacion`.
 */
export function exportFileName(base: string, format: ExportFormat): string {
  const slug = base
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .replace(/[đĐ]/g, 'd')
    .replace(/[łŁ]/g, 'l')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_BASE)
    .replace(/-+$/, '');
  return `${slug || 'exportacion'}.${EXPORT_FORMATS[format].extension}`;
}
