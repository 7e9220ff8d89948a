import type { TreeShape } from '../collab/useTreeShape';
import type { TreeFlowNode } from './types';

/**
 * Merges the shared tree into React Flow's local nodes: the document decides which nodes exist,
 * their kind and position; `selected`, `measured` and `dragging` stay as they were locally. A node
 * this client is dragging keeps its local position, so our own throttled writes coming back
 * cannot make it jump. Unchanged nodes keep their object so memoized nodes do not re-render.
 */
export function mergeNodes(prev: readonly TreeFlowNode[], shape: TreeShape, dragging: ReadonlySet<string>): TreeFlowNode[] {
  const byId = new Map(prev.map((n) => [n.id, n]));
  let changed = prev.length !== shape.nodes.length;
  const next = shape.nodes.map((s, i): TreeFlowNode => {
    const old = byId.get(s.id);
    const position = old && dragging.has(s.id) ? old.position : s.position;
    const data = old && old.data.kind === s.kind && old.data.depth === s.depth ? old.data : { kind: s.kind, depth: s.depth };
    if (old && old.type === s.kind && old.data === data && old.position.x === position.x && old.position.y === position.y) {
      if (prev[i] !== old) changed = true;
      return old;
    }
    changed = true;
    return {
      ...old,
      id: s.id,
      type: s.kind,
      position: { x: position.x, y: position.y },
      data,
      deletable: false,
      connectable: false,
    };
  });
  return changed ? next : (prev as TreeFlowNode[]);
}
