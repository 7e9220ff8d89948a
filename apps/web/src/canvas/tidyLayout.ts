import type { Point } from '@cocrea/domain';
import { Graph, layout, type EdgeLabel, type GraphLabel, type NodeLabel } from '@dagrejs/dagre';
import type { TreeShape } from '../collab/useTreeShape';

/** Width and height of a node on screen. */
export interface Size {
  width: number;
  height: number;
}

/**
 * A tidy layout of the tree, leaving the problem where it is: the causes branch laid out top to
 * bottom below it and the effects branch bottom to top above it, each with dagre, both rooted at
 * the problem. Returns the top-left position of every node.
 */
export function tidyLayout(shape: TreeShape, sizeOf: (id: string) => Size): Map<string, Point> {
  const out = new Map<string, Point>();
  const problem = shape.nodes.find((n) => n.kind === 'problem');
  if (!problem) return out;
  const ps = sizeOf(problem.id);
  const center = { x: problem.position.x + ps.width / 2, y: problem.position.y + ps.height / 2 };
  out.set(problem.id, problem.position);

  for (const [kind, rankdir] of [
    ['cause', 'TB'],
    ['effect', 'BT'],
  ] as const) {
    const branch = shape.nodes.filter((n) => n.kind === kind);
    if (branch.length === 0) continue;
    const g = new Graph<GraphLabel, NodeLabel, EdgeLabel>();
    g.setGraph({ rankdir, nodesep: 36, ranksep: 72 });
    g.setDefaultEdgeLabel(() => ({}));
    g.setNode(problem.id, { ...ps });
    for (const n of branch) g.setNode(n.id, { ...sizeOf(n.id) });
    // Siblings keep their creation order, left to right, so a tidy never shuffles the reading order.
    const constraints: { left: string; right: string }[] = [];
    const lastChild = new Map<string, string>();
    for (const n of branch) {
      if (n.parentId === null) continue;
      g.setEdge(n.parentId, n.id);
      const prev = lastChild.get(n.parentId);
      if (prev !== undefined) constraints.push({ left: prev, right: n.id });
      lastChild.set(n.parentId, n.id);
    }
    layout(g, { constraints });
    const root = g.node(problem.id);
    const dx = center.x - (root.x ?? 0);
    const dy = center.y - (root.y ?? 0);
    for (const n of branch) {
      const l = g.node(n.id);
      const s = sizeOf(n.id);
      out.set(n.id, { x: Math.round((l.x ?? 0) + dx - s.width / 2), y: Math.round((l.y ?? 0) + dy - s.height / 2) });
    }
  }
  return out;
}
