import type { Response } from 'express';
import type { ActionPlan, AgreedTreeNode, CommitmentVersion } from '@cocrea/domain';
import {
  EXPORT_FORMATS,
  exportFileName,
  toActivitiesCsv,
  toDecidimCsv,
  toDocx,
  toOpenData,
  toPdf,
  toTreePng,
  toTreeSvg,
  type ExportFormat,
} from '../exports';
import { httpErrors } from './errors';

/** Formats a plan or a commitment version can be downloaded in. */
export const DOCUMENT_FORMATS = ['json', 'csv', 'docx', 'pdf', 'decidim.csv'] as const;

/** Parses `export.<format>` from a route parameter; 404 for anything else. */
export function documentFormat(param: string | undefined): (typeof DOCUMENT_FORMATS)[number] {
  const f = DOCUMENT_FORMATS.find((x) => x === param);
  if (!f) throw httpErrors.notFound();
  return f;
}

function send(res: Response, format: ExportFormat, base: string, body: Buffer | string): void {
  const { contentType } = EXPORT_FORMATS[format];
  res
    .status(200)
    .type(contentType)
    .set('Content-Disposition', `attachment; filename="${exportFileName(base, format)}"`)
    .set('Cache-Control', 'no-store')
    .send(body);
}

/** Sends a plan (or, with `plan` null, a single commitment version) in `format`. */
export async function sendDocumentExport(
  res: Response,
  format: (typeof DOCUMENT_FORMATS)[number],
  base: string,
  plan: ActionPlan | null,
  versions: CommitmentVersion[],
): Promise<void> {
  switch (format) {
    case 'json':
      return send(res, 'json', base, JSON.stringify(toOpenData(plan, versions), null, 2));
    case 'csv':
      return send(res, 'csv', base, toActivitiesCsv(plan, versions));
    case 'decidim.csv':
      return send(res, 'decidim.csv', base, toDecidimCsv(plan, versions));
    case 'docx':
      return send(res, 'docx', base, await toDocx(plan, versions));
    case 'pdf':
      return send(res, 'pdf', base, await toPdf(plan, versions));
  }
}

/** Sends the agreed problem tree of a version as SVG or PNG. */
export function sendTreeExport(res: Response, format: 'svg' | 'png', base: string, version: CommitmentVersion): void {
  sendTree(res, format, base, version.content.problemTree, version.content.commitment.title);
}

/** Sends a problem tree (a version's, or a mesa's as it is now) as SVG or PNG. */
export function sendTree(res: Response, format: 'svg' | 'png', base: string, nodes: readonly AgreedTreeNode[], title: string): void {
  const svg = toTreeSvg(nodes, title);
  send(res, format, base, format === 'svg' ? svg : toTreePng(svg));
}
