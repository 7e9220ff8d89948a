/** The files a finalized commitment version can be downloaded as. */
export const VERSION_EXPORTS = [
  { key: 'json', file: 'export.json' },
  { key: 'csv', file: 'export.csv' },
  { key: 'docx', file: 'export.docx' },
  { key: 'pdf', file: 'export.pdf' },
  { key: 'svg', file: 'tree.svg' },
  { key: 'png', file: 'tree.png' },
] as const;

/** The files a PAM can be downloaded as. */
export const PAM_EXPORTS = [
  { key: 'json', file: 'export.json' },
  { key: 'csv', file: 'export.csv' },
  { key: 'docx', file: 'export.docx' },
  { key: 'pdf', file: 'export.pdf' },
  { key: 'decidim', file: 'export.decidim.csv' },
] as const;

/** One kind of version download. */
export type VersionExport = (typeof VERSION_EXPORTS)[number]['key'];
/** One kind of PAM download. */
export type PamExport = (typeof PAM_EXPORTS)[number]['key'];

/** `/api/commitments/:id/versions/:v/<file>`. */
export function versionExportUrl(commitmentId: string, version: number, kind: VersionExport): string {
  const file = VERSION_EXPORTS.find((e) => e.key === kind)?.file ?? 'export.json';
  return `/api/commitments/${encodeURIComponent(commitmentId)}/versions/${version}/${file}`;
}

/** `/api/pams/:id/<file>`. */
export function pamExportUrl(pamId: string, kind: PamExport): string {
  const file = PAM_EXPORTS.find((e) => e.key === kind)?.file ?? 'export.json';
  return `/api/pams/${encodeURIComponent(pamId)}/${file}`;
}
