import { threadId } from 'node:worker_threads';
import type { ActionPlan, AgreedTreeNode, CommitmentVersion } from '@cocrea/domain';
import { toDocx } from './docx';
import { toPdf } from './pdf';
import { toTreePng } from './treePng';
import { toTreeSvg } from './treeSvg';

/** One export to render: a problem tree picture, or a PAM / commitment document. */
export type RenderJob =
  | { kind: 'tree'; format: 'svg' | 'png'; nodes: readonly AgreedTreeNode[]; title: string }
  | { kind: 'document'; format: 'pdf' | 'docx'; plan: ActionPlan | null; versions: readonly CommitmentVersion[] };

/** A rendered file, and the thread that rendered it (tests check it is not the event loop's). */
export interface RenderResult {
  body: Uint8Array;
  threadId: number;
}

/**
 * Renders one job. The export processes (`renderProcess.mjs`) run this, so PDFKit, docx, resvg
 * and dagre load and work in them, never in the server's process.
 */
export async function renderExport(job: RenderJob): Promise<RenderResult> {
  let body: Buffer;
  if (job.kind === 'tree') {
    const svg = toTreeSvg(job.nodes, job.title);
    body = job.format === 'svg' ? Buffer.from(svg) : toTreePng(svg);
  } else {
    body = job.format === 'pdf' ? await toPdf(job.plan, job.versions) : await toDocx(job.plan, job.versions);
  }
  // A view of exactly the file's bytes (a Buffer may sit in a larger shared pool).
  return { body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength), threadId };
}
