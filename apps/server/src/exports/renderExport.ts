import { threadId } from 'node:worker_threads';
import * as Y from 'yjs';
import { readTree } from '@cocrea/collab';
import type { ActionPlan, AgreedTreeNode, CommitmentVersion } from '@cocrea/domain';
import { toDocx } from './docx';
import { toPdf } from './pdf';
import { toTreePng } from './treePng';
import { toTreeSvg } from './treeSvg';

/**
 * One export to render: a problem tree picture (agreed nodes, or a live tree as its encoded Yjs
 * state, read here rather than on the event loop), or a PAM / commitment document.
 */
export type RenderJob =
  | { kind: 'tree'; format: 'svg' | 'png'; nodes: readonly AgreedTreeNode[]; title: string }
  | { kind: 'live-tree'; format: 'svg' | 'png'; state: Uint8Array; title: string }
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
  if (job.kind === 'tree' || job.kind === 'live-tree') {
    const svg = toTreeSvg(job.kind === 'tree' ? job.nodes : liveTreeNodes(job.state), job.title);
    body = job.format === 'svg' ? Buffer.from(svg) : toTreePng(svg);
  } else {
    body = job.format === 'pdf' ? await toPdf(job.plan, job.versions) : await toDocx(job.plan, job.versions);
  }
  // A view of exactly the file's bytes (a Buffer may sit in a larger shared pool).
  return { body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength), threadId };
}

/** The nodes of a live tree document, as the picture draws them. */
export function liveTreeNodes(state: Uint8Array): AgreedTreeNode[] {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return readTree(doc).nodes.map((n) => ({ id: n.id, kind: n.kind, parentId: n.parentId, text: n.text, depth: n.depth }));
  } finally {
    doc.destroy();
  }
}
