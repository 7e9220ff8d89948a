import { readTree } from '@cocrea/collab';
import type { Point, ProblemTree, TreeNodeKind } from '@cocrea/domain';
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';

/** What the canvas draws of a node: everything but its text, which each node reads itself. */
export interface ShapeNode {
  id: string;
  kind: TreeNodeKind;
  parentId: string | null;
  position: Point;
  depth: number;
}

/** The structure and positions of the tree, parents before children. */
export interface TreeShape {
  nodes: ShapeNode[];
}

/** Reduces a normalized tree to its shape. */
export function shapeOf(tree: ProblemTree): TreeShape {
  return {
    nodes: tree.nodes.map((n) => ({ id: n.id, kind: n.kind, parentId: n.parentId, position: n.position, depth: n.depth })),
  };
}

function sameShape(a: TreeShape, b: TreeShape): boolean {
  if (a.nodes.length !== b.nodes.length) return false;
  return a.nodes.every((n, i) => {
    const m = b.nodes[i];
    return (
      m !== undefined &&
      n.id === m.id &&
      n.kind === m.kind &&
      n.parentId === m.parentId &&
      n.depth === m.depth &&
      n.position.x === m.position.x &&
      n.position.y === m.position.y
    );
  });
}

/**
 * The tree's shape, re-read on every document update. Typing changes no shape, so it keeps the
 * same object and the canvas does not re-render on every keystroke.
 */
export function useTreeShape(doc: Y.Doc): TreeShape {
  const [shape, setShape] = useState<TreeShape>(() => shapeOf(readTree(doc)));

  useEffect(() => {
    const update = () => {
      const next = shapeOf(readTree(doc));
      setShape((prev) => (sameShape(prev, next) ? prev : next));
    };
    update();
    doc.on('update', update);
    return () => doc.off('update', update);
  }, [doc]);

  return shape;
}
