import { setPositions } from '@cocrea/collab';
import type { Point } from '@cocrea/domain';
import type { OnNodeDrag } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type * as Y from 'yjs';
import type { TreeFlowNode } from './types';

/** How often, at most, positions are written to the document while dragging. */
const DRAG_WRITE_INTERVAL_MS = 50;

/** Handlers that write dragged positions to the shared document. */
export interface DragSync {
  onNodeDragStart: OnNodeDrag<TreeFlowNode>;
  onNodeDrag: OnNodeDrag<TreeFlowNode>;
  onNodeDragStop: OnNodeDrag<TreeFlowNode>;
}

function positionsOf(nodes: readonly TreeFlowNode[], constrain: (id: string, p: Point) => Point): Map<string, Point> {
  return new Map(
    nodes.map((n) => {
      const p = constrain(n.id, n.position);
      return [n.id, { x: Math.round(p.x), y: Math.round(p.y) }];
    }),
  );
}

/**
 * Writes dragged positions to the document: throttled while dragging (others see the node move)
 * and once on drop. `dragging` holds the ids this client is dragging, so remote echoes of our own
 * writes do not move them; `onDrop` runs after the final write (to pick up the normalized position).
 * `constrain` keeps each written position on its side of the problem.
 */
export function useDragSync(
  doc: Y.Doc,
  dragging: Set<string>,
  onDrop: () => void,
  constrain: (id: string, p: Point) => Point,
): DragSync {
  const last = useRef(0);
  const pending = useRef<Map<string, Point> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const clearTimer = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  }, []);

  const write = useCallback(
    (positions: Map<string, Point>) => {
      last.current = Date.now();
      pending.current = null;
      setPositions(doc, positions);
    },
    [doc],
  );

  useEffect(() => clearTimer, [clearTimer]);

  return useMemo<DragSync>(
    () => ({
      onNodeDragStart: (_e, _node, nodes) => {
        for (const n of nodes) dragging.add(n.id);
      },
      onNodeDrag: (_e, _node, nodes) => {
        const positions = positionsOf(nodes, constrain);
        const wait = DRAG_WRITE_INTERVAL_MS - (Date.now() - last.current);
        if (wait <= 0) {
          clearTimer();
          write(positions);
          return;
        }
        pending.current = positions;
        timer.current ??= setTimeout(() => {
          timer.current = null;
          if (pending.current) write(pending.current);
        }, wait);
      },
      onNodeDragStop: (_e, _node, nodes) => {
        clearTimer();
        write(positionsOf(nodes, constrain));
        for (const n of nodes) dragging.delete(n.id);
        onDrop();
      },
    }),
    [clearTimer, write, dragging, onDrop, constrain],
  );
}
