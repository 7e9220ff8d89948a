import type { Point, ProblemTree } from '@cocrea/domain';
import type { Size } from './tidyLayout';

/** Vertical gap between a parent and a new child. */
const GAP_Y = 64;
/** Horizontal gap between siblings. */
const GAP_X = 28;

function overlaps(a: Point & Size, b: Point & Size): boolean {
  return a.x < b.x + b.width + GAP_X / 2 && b.x < a.x + a.width + GAP_X / 2 && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * Where a new cause (below) or effect (above) of `parentId` goes: centred on its parent, or the
 * nearest free slot to either side, using the sizes actually drawn so cards never overlap.
 */
export function placeChild(tree: ProblemTree, parentId: string, kind: 'cause' | 'effect', sizeOf: (id: string) => Size, newSize: Size): Point | undefined {
  const parent = tree.nodes.find((n) => n.id === parentId);
  if (!parent) return undefined;
  const ps = sizeOf(parent.id);
  const y = kind === 'cause' ? parent.position.y + ps.height + GAP_Y : parent.position.y - newSize.height - GAP_Y;
  const baseX = parent.position.x + ps.width / 2 - newSize.width / 2;
  const rects = tree.nodes.map((n) => ({ ...n.position, ...sizeOf(n.id) }));
  for (let k = 0; k < 60; k++) {
    const step = k === 0 ? 0 : (k % 2 === 1 ? 1 : -1) * Math.ceil(k / 2);
    const candidate = { x: Math.round(baseX + step * (newSize.width + GAP_X)), y: Math.round(y), ...newSize };
    if (!rects.some((r) => overlaps(candidate, r))) return { x: candidate.x, y: candidate.y };
  }
  return { x: Math.round(baseX), y: Math.round(y) };
}
