import { addNode, deleteSubtree, readTree, setPositions, TREE_MAX_NODES } from '@cocrea/collab';
import { PROBLEM_NODE_ID, subtreeIds, type Author, type Point } from '@cocrea/domain';
import {
  applyNodeChanges,
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useNodesInitialized,
  useReactFlow,
  type NodeChange,
  type NodeTypes,
} from '@xyflow/react';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { Awareness } from '../collab/presenceState';
import { useLocalCursor } from '../collab/useLocalCursor';
import { shapeOf, useTreeShape } from '../collab/useTreeShape';
import { constrainToBranch } from './branchConstraint';
import { CanvasToolbar } from './CanvasToolbar';
import { DeleteNodeDialog, type DeleteRequest } from './DeleteNodeDialog';
import { mergeNodes } from './mergeNodes';
import { RemoteCursors } from './RemoteCursors';
import { placeChild } from './placeChild';
import { tidyLayout, type Size } from './tidyLayout';
import { TreeActionsContext, type TreeActions } from './TreeActionsContext';
import { structureKey, treeEdges } from './treeEdges';
import { TreeNodeCard } from './TreeNodeCard';
import type { TreeFlowNode } from './types';
import { useDragSync } from './useDragSync';

/** Stable for the life of the module, as React Flow requires. */
const nodeTypes: NodeTypes = { problem: TreeNodeCard, cause: TreeNodeCard, effect: TreeNodeCard };

/** Room at the top for the toolbar, which floats over the canvas. */
const FIT_OPTIONS = { padding: { top: '76px', bottom: '24px', left: '24px', right: '24px' }, maxZoom: 1, duration: 250 } as const;

/** Size of a new, empty cause or effect card, before React Flow has measured it. */
const NEW_NODE_SIZE = { width: 240, height: 150 };

const MINIMAP_COLORS: Record<string, string> = { problem: '#c53030', cause: '#d69e2e', effect: '#38a169' };

interface Props {
  doc: Y.Doc;
  awareness: Awareness | null;
  author: Author;
  /** The tree is agreed: no adding, deleting, typing or dragging. */
  readOnly?: boolean;
}

function TreeFlow({ doc, awareness, author, readOnly = false }: Props) {
  const { t } = useTranslation();
  const { screenToFlowPosition, fitView, getNode, getNodes } = useReactFlow<TreeFlowNode>();
  const shape = useTreeShape(doc);
  const [nodes, setNodes] = useState<TreeFlowNode[]>(() => mergeNodes([], shape, new Set()));
  // A stable, mutable set: which nodes this client is dragging right now.
  const [dragging] = useState(() => new Set<string>());
  const focusNext = useRef<string | null>(null);
  const [pendingDelete, setPendingDelete] = useState<DeleteRequest | null>(null);
  const setCursor = useLocalCursor(awareness);

  const sizeOf = useCallback(
    (id: string): Size => {
      const m = getNode(id)?.measured;
      return m?.width && m.height ? { width: m.width, height: m.height } : NEW_NODE_SIZE;
    },
    [getNode],
  );

  // Merge each new shape into the local nodes while rendering (React's "adjust state when a prop
  // changes" pattern), so a remote change never paints one frame late.
  const [mergedShape, setMergedShape] = useState(shape);
  if (mergedShape !== shape) {
    setMergedShape(shape);
    setNodes((prev) => mergeNodes(prev, shape, dragging));
  }

  const structure = structureKey(shape);
  const edges = useMemo(() => treeEdges(structure), [structure]);

  const onNodesChange = useCallback((changes: NodeChange<TreeFlowNode>[]) => {
    // Nodes come and go only through the document.
    const local = changes.filter((c) => c.type !== 'remove' && c.type !== 'add' && c.type !== 'replace');
    if (local.length === 0) return;
    setNodes((ns) =>
      applyNodeChanges(
        local.map((c) => (c.type === 'position' && c.position ? { ...c, position: constrainToBranch(ns, c.id, c.position) } : c)),
        ns,
      ),
    );
  }, []);

  const constrain = useCallback((id: string, p: Point) => constrainToBranch(getNodes(), id, p), [getNodes]);

  const resync = useCallback(() => {
    setNodes((prev) => mergeNodes(prev, shapeOf(readTree(doc)), dragging));
  }, [doc, dragging]);
  const drag = useDragSync(doc, dragging, resync, constrain);

  const actions = useMemo<TreeActions>(
    () => ({
      doc,
      addChild: (parentId, kind) => {
        const tree = readTree(doc);
        const parentKind = tree.nodes.find((n) => n.id === parentId)?.kind;
        // The server would refuse it (invalid:too-many-nodes); the notice below says why.
        if (!parentKind || tree.nodes.length >= TREE_MAX_NODES) return;
        const position = placeChild(tree, parentId, kind, sizeOf, NEW_NODE_SIZE);
        const id = addNode(doc, { parentId, ...(parentKind === 'problem' ? { kind } : {}), author, ...(position ? { position } : {}) });
        focusNext.current = id;
      },
      requestDelete: (id) => {
        const tree = readTree(doc);
        const node = tree.nodes.find((n) => n.id === id);
        if (!node || id === PROBLEM_NODE_ID) return;
        setPendingDelete({ id, text: node.text, descendants: subtreeIds(tree, id).length - 1 });
      },
      wantsFocus: (id) => focusNext.current === id,
      focusTaken: (id) => {
        if (focusNext.current === id) focusNext.current = null;
      },
      readOnly,
    }),
    [doc, author, sizeOf, readOnly],
  );

  const confirmDelete = useCallback(
    (id: string) => {
      deleteSubtree(doc, id);
      setPendingDelete(null);
    },
    [doc],
  );

  const tidy = useCallback(() => {
    setPositions(doc, tidyLayout(shapeOf(readTree(doc)), sizeOf));
    window.setTimeout(() => void fitView(FIT_OPTIONS), 30);
  }, [doc, sizeOf, fitView]);

  const fit = useCallback(() => void fitView(FIT_OPTIONS), [fitView]);

  // Frame the tree once, as soon as its nodes have been measured.
  const initialized = useNodesInitialized();
  const didFit = useRef(false);
  useEffect(() => {
    if (initialized && !didFit.current) {
      didFit.current = true;
      void fitView({ ...FIT_OPTIONS, duration: 0 });
    }
  }, [initialized, fitView]);

  const onPointerMove = useCallback(
    (e: PointerEvent) => setCursor(screenToFlowPosition({ x: e.clientX, y: e.clientY })),
    [setCursor, screenToFlowPosition],
  );
  const onPointerLeave = useCallback(() => setCursor(null), [setCursor]);

  return (
    <TreeActionsContext.Provider value={actions}>
      <div className="tree-canvas" onPointerMove={onPointerMove} onPointerLeave={onPointerLeave}>
        <ReactFlow<TreeFlowNode>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          onNodesChange={onNodesChange}
          onNodeDragStart={drag.onNodeDragStart}
          onNodeDrag={drag.onNodeDrag}
          onNodeDragStop={drag.onNodeDragStop}
          nodesConnectable={false}
          nodesDraggable={!readOnly}
          deleteKeyCode={null}
          zoomOnDoubleClick={false}
          minZoom={0.15}
          maxZoom={2}
          aria-label={t('tree.canvasLabel')}
        >
          <Background variant={BackgroundVariant.Dots} gap={22} size={1.2} color="#c9c4b5" />
          <CanvasToolbar onTidy={readOnly ? null : tidy} onFit={fit} />
          <Controls showInteractive={false} position="bottom-left" />
          <MiniMap
            className="tree-minimap"
            pannable
            zoomable
            nodeColor={(n) => MINIMAP_COLORS[n.type ?? ''] ?? '#718096'}
            nodeStrokeWidth={2}
            position="bottom-right"
          />
          <RemoteCursors awareness={awareness} />
        </ReactFlow>
      </div>
      {nodes.length >= TREE_MAX_NODES && (
        <p className="read-only-notice" role="status" data-testid="tree-full">
          {t('tree.full', { max: TREE_MAX_NODES })}
        </p>
      )}
      <DeleteNodeDialog request={pendingDelete} onConfirm={confirmDelete} onCancel={() => setPendingDelete(null)} />
    </TreeActionsContext.Provider>
  );
}

/** The problem-tree canvas: shared nodes from the document, local selection and drag state. */
export const TreeCanvas = memo(function TreeCanvas(props: Props) {
  return (
    <ReactFlowProvider>
      <TreeFlow {...props} />
    </ReactFlowProvider>
  );
});
