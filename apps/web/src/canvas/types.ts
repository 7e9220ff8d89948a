import type { TreeNodeKind } from '@cocrea/domain';
import type { Node } from '@xyflow/react';

/** What a tree node carries into React Flow; its text lives in the document, read by the node itself. */
export interface TreeNodeData extends Record<string, unknown> {
  kind: TreeNodeKind;
  depth: number;
}

/** A React Flow node of the problem tree; its `type` is its kind. */
export type TreeFlowNode = Node<TreeNodeData, TreeNodeKind>;
