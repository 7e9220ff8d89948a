import { createHash } from 'node:crypto';
import type { Response } from 'express';
import type { ActionPlan, CommitmentVersion } from '@cocrea/domain';
// The light formats only: PDF, DOCX and the tree render in the export processes, and their
// libraries are never loaded on the event loop.
import { toActivitiesCsv } from '../exports/csv';
import { toDecidimCsv } from '../exports/decidimCsv';
import { ExportBusyError, ExportTimeoutError, type ExportRenderer } from '../exports/ExportRenderer';
import { EXPORT_FORMATS, exportFileName, type ExportFormat } from '../exports/formats';
import { toOpenData } from '../exports/openData';
import type { RenderJob } from '../exports/renderExport';
import { HttpError, httpErrors } from './errors';

/** Formats a plan or a commitment version can be downloaded in. */
export const DOCUMENT_FORMATS = ['json', 'csv', 'docx', 'pdf', 'decidim.csv'] as const;

/** Parses `export.<format>` from a route parameter; 404 for anything else. */
export function documentFormat(param: string | undefined): (typeof DOCUMENT_FORMATS)[number] {
  const f = DOCUMENT_FORMATS.find((x) => x === param);
  if (!f) throw httpErrors.notFound();
  return f;
}

/** The errors of the export pool, as a person reads them. */
export const exportErrors = {
  busy: () => new HttpError(503, 'export_busy', 'Hay demasiadas exportaciones en curso; intenta de nuevo en un momento.'),
  timeout: (seconds: number) =>
    new HttpError(503, 'export_timeout', `La exportación tardó más de ${seconds} segundos y se canceló. Intenta de nuevo en un momento o descarga otro formato.`),
};

function send(res: Response, format: ExportFormat, base: string, body: Uint8Array | string): void {
  const { contentType } = EXPORT_FORMATS[format];
  res
    .status(200)
    .type(contentType)
    .set('Content-Disposition', `attachment; filename="${exportFileName(base, format)}"`)
    .set('Cache-Control', 'no-store')
    .send(typeof body === 'string' ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength));
}

async function rendered(renderer: ExportRenderer, job: RenderJob, cacheKey?: string): Promise<Uint8Array> {
  try {
    return await renderer.render(job, cacheKey);
  } catch (err) {
    if (err instanceof ExportBusyError) throw exportErrors.busy();
    if (err instanceof ExportTimeoutError) throw exportErrors.timeout(err.seconds);
    throw err;
  }
}

/** A finalized version never changes: its files are cached under its identity and hash. */
const versionKey = (v: CommitmentVersion, format: string) => `${v.content.commitment.id}:${v.version}:${v.contentHash}:${format}`;

/** Sends a plan (or, with `plan` null, a single commitment version) in `format`. */
export async function sendDocumentExport(
  renderer: ExportRenderer,
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
    case 'pdf': {
      const only = plan === null && versions.length === 1 ? versions[0] : undefined;
      return send(res, format, base, await rendered(renderer, { kind: 'document', format, plan, versions }, only && versionKey(only, format)));
    }
  }
}

/** Sends the agreed problem tree of a (finalized, so cached) version as SVG or PNG. */
export async function sendTreeExport(renderer: ExportRenderer, res: Response, format: 'svg' | 'png', base: string, version: CommitmentVersion): Promise<void> {
  const job: RenderJob = { kind: 'tree', format, nodes: version.content.problemTree, title: version.content.commitment.title };
  send(res, format, base, await rendered(renderer, job, versionKey(version, `tree.${format}`)));
}

/**
 * Sends a problem tree as it is now (a mesa's live tree, `state` its encoded Yjs document) as SVG
 * or PNG. The export process reads the tree out of `state`; here it costs one encode and a hash,
 * whatever the tree's size. The picture is cached under that hash: asking again for a tree nobody
 * changed renders nothing (a participant reloading the PNG in a loop renders it once).
 */
export async function sendTree(renderer: ExportRenderer, res: Response, format: 'svg' | 'png', base: string, state: Uint8Array, title: string): Promise<void> {
  const job: RenderJob = { kind: 'live-tree', format, state, title };
  const content = createHash('sha256').update(title).update(state).digest('base64url');
  send(res, format, base, await rendered(renderer, job, `live-tree:${content}:${format}`));
}
