import type { Point } from '@cocrea/domain';
import type { Size } from './tidyLayout';
import type { TreeFlowNode } from './types';

/** Space kept between the problem card and its causes/effects when a drag runs into it. */
const GAP = 24;

const FALLBACK: Size = { width: 240, height: 150 };

function sizeOf(n: TreeFlowNode): Size {
  const w = n.measured?.width;
  const h = n.measured?.height;
  return w && h ? { width: w, height: h } : FALLBACK;
}

/**
 * Keeps a dragged card on its side of the problem *card* (causes below, effects above). The
 * shared rule (`clampToBranch`) only keeps a minimum gap between top edges, so without this a
 * card dropped across the problem would be put back on top of it.
 */
export function constrainToBranch(nodes: readonly TreeFlowNode[], id: string, p: Point): Point {
  const node = nodes.find((n) => n.id === id);
  const problem = nodes.find((n) => n.data.kind === 'problem');
  if (!node || !problem) return p;
  const ph = sizeOf(problem).height;
  const kind = node.data.kind;
  if (kind === 'cause') return { x: p.x, y: Math.max(p.y, problem.position.y + ph + GAP) };
  if (kind === 'effect') return { x: p.x, y: Math.min(p.y, problem.position.y - sizeOf(node).height - GAP) };
  // The problem itself: stay between the lowest effect and the highest cause, when there is room.
  let lo = -Infinity;
  let hi = Infinity;
  for (const n of nodes) {
    if (n.data.kind === 'effect') lo = Math.max(lo, n.position.y + sizeOf(n).height + GAP);
    if (n.data.kind === 'cause') hi = Math.min(hi, n.position.y - ph - GAP);
  }
  if (lo > hi) return p;
  return { x: p.x, y: Math.min(Math.max(p.y, lo), hi) };
}
