import { MarkerType, type Edge } from '@xyflow/react';
import type { TreeNodeKind } from '@cocrea/domain';
import type { TreeShape } from '../collab/useTreeShape';

/** Handle ids of a tree node: where its edge to the parent leaves, and where children's edges arrive. */
export const HANDLE = {
  /** A cause points up to its parent. */
  outTop: 'out-top',
  /** An effect's edge leaves downwards, towards its parent. */
  outBottom: 'out-bottom',
  /** Where effects arrive (top of the problem / of an effect). */
  inTop: 'in-top',
  /** Where causes arrive (bottom of the problem / of a cause). */
  inBottom: 'in-bottom',
} as const;

/** One node's place in the structure: id, parent id and kind. */
type Link = [id: string, parentId: string | null, kind: TreeNodeKind];

/** A structural key of the tree: changes only when a node is added, removed or re-parented. */
export function structureKey(shape: TreeShape): string {
  return JSON.stringify(shape.nodes.map((n): Link => [n.id, n.parentId, n.kind]));
}

/**
 * One edge from every child to its parent, from a {@link structureKey}. Arrows always point
 * upwards, the way a problem tree reads (causes → problem → effects): at the parent end for
 * causes, at the child end for effects.
 */
export function treeEdges(key: string): Edge[] {
  const links = JSON.parse(key) as Link[];
  const edges: Edge[] = [];
  for (const [id, parentId, kind] of links) {
    if (parentId === null || kind === 'problem') continue;
    const cause = kind === 'cause';
    const marker = { type: MarkerType.ArrowClosed, width: 18, height: 18, color: cause ? '#b7791f' : '#2f855a' };
    edges.push({
      id: `edge-${id}`,
      source: id,
      target: parentId,
      sourceHandle: cause ? HANDLE.outTop : HANDLE.outBottom,
      targetHandle: cause ? HANDLE.inBottom : HANDLE.inTop,
      type: 'smoothstep',
      className: `tree-edge tree-edge--${kind}`,
      selectable: false,
      deletable: false,
      focusable: false,
      ...(cause ? { markerEnd: marker } : { markerStart: marker }),
    });
  }
  return edges;
}
