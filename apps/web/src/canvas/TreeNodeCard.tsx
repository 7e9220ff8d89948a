import type { TreeNodeKind } from '@cocrea/domain';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { NodeAnnotationsButton } from '../annotations/NodeAnnotationsButton';
import { NodeTextArea } from './NodeTextArea';
import { useTreeActions } from './TreeActionsContext';
import { HANDLE } from './treeEdges';
import type { TreeFlowNode } from './types';

const KIND_KEY = {
  problem: 'tree.kind.problem',
  cause: 'tree.kind.cause',
  effect: 'tree.kind.effect',
} as const satisfies Record<TreeNodeKind, string>;

const PLACEHOLDER_KEY = {
  problem: 'tree.placeholder.problem',
  cause: 'tree.placeholder.cause',
  effect: 'tree.placeholder.effect',
} as const satisfies Record<TreeNodeKind, string>;

function Handles({ kind }: { kind: TreeNodeKind }) {
  // Edges only; people do not draw connections, so the handles are invisible.
  return (
    <>
      {kind !== 'cause' && <Handle type="target" id={HANDLE.inTop} position={Position.Top} isConnectable={false} />}
      {kind !== 'effect' && <Handle type="target" id={HANDLE.inBottom} position={Position.Bottom} isConnectable={false} />}
      {kind === 'cause' && <Handle type="source" id={HANDLE.outTop} position={Position.Top} isConnectable={false} />}
      {kind === 'effect' && <Handle type="source" id={HANDLE.outBottom} position={Position.Bottom} isConnectable={false} />}
    </>
  );
}

function TreeNodeCardImpl({ id, data, selected }: NodeProps<TreeFlowNode>) {
  const { t } = useTranslation();
  const actions = useTreeActions();
  const autoFocus = actions.wantsFocus(id);
  const { kind } = data;
  const kindLabel = t(KIND_KEY[kind]);

  return (
    <div
      className={`tree-node tree-node--${kind}${selected ? ' is-selected' : ''}`}
      data-testid="tree-node"
      data-node-id={id}
      data-kind={kind}
      role="group"
      aria-label={kindLabel}
    >
      <Handles kind={kind} />
      <div className="tree-node__header">
        <span className="tree-node__grip" aria-hidden="true">
          ⋮⋮
        </span>
        <span className="tree-node__kind">{kindLabel}</span>
        {kind !== 'problem' && <NodeAnnotationsButton nodeId={id} />}
        {kind !== 'problem' && !actions.readOnly && (
          <button
            type="button"
            className="icon-button tree-node__delete nodrag"
            data-testid="delete-node"
            aria-label={t('tree.deleteLabel')}
            title={t('tree.delete')}
            onClick={() => actions.requestDelete(id)}
          >
            <TrashIcon />
          </button>
        )}
      </div>
      <NodeTextArea
        doc={actions.doc}
        nodeId={id}
        label={t('tree.textLabel', { kind: kindLabel })}
        placeholder={t(PLACEHOLDER_KEY[kind])}
        autoFocus={autoFocus}
        onAutoFocused={actions.focusTaken}
        readOnly={actions.readOnly}
      />
      <div className="tree-node__actions nodrag">
        {kind !== 'cause' && !actions.readOnly && (
          <button
            type="button"
            className="chip-button chip-button--effect"
            data-testid="add-effect"
            title={t('tree.addEffectLabel')}
            onClick={() => actions.addChild(id, 'effect')}
          >
            {t('tree.addEffect')}
          </button>
        )}
        {kind !== 'effect' && !actions.readOnly && (
          <button
            type="button"
            className="chip-button chip-button--cause"
            data-testid="add-cause"
            title={t('tree.addCauseLabel')}
            onClick={() => actions.addChild(id, 'cause')}
          >
            {t('tree.addCause')}
          </button>
        )}
      </div>
    </div>
  );
}

function TrashIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
      <path d="M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** A memoized card for one node of the tree (problem, cause or effect): text, add and delete. */
export const TreeNodeCard = memo(TreeNodeCardImpl);
