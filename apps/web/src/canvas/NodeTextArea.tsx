import { nodeText, TEXT_LIMITS } from '@cocrea/collab';
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { useBoundText } from '../collab/useBoundText';

interface Props {
  doc: Y.Doc;
  nodeId: string;
  label: string;
  placeholder: string;
  autoFocus: boolean;
  onAutoFocused: (nodeId: string) => void;
  readOnly: boolean;
}

/** Finds a node's Y.Text (the same instance for the node's whole life), or `undefined` until it arrives. */
function useNodeText(doc: Y.Doc, nodeId: string): Y.Text | undefined {
  const subscribe = useCallback(
    (cb: () => void) => {
      doc.on('update', cb);
      return () => doc.off('update', cb);
    },
    [doc],
  );
  return useSyncExternalStore(subscribe, () => nodeText(doc, nodeId));
}

/**
 * A plain textarea bound to a node's Y.Text (see {@link useBoundText}): typing never jumps while
 * someone else edits the same node.
 */
export function NodeTextArea({ doc, nodeId, label, placeholder, autoFocus, onAutoFocused, readOnly }: Props) {
  const text = useNodeText(doc, nodeId);
  const { ref, onInput } = useBoundText<HTMLTextAreaElement>(text);

  useEffect(() => {
    if (!autoFocus || !text) return;
    // React Flow keeps a node hidden until it has measured it, and a hidden element cannot take
    // the focus: try again on the next frames.
    let frame = 0;
    let tries = 0;
    const attempt = () => {
      const el = ref.current;
      if (!el) return;
      el.focus({ preventScroll: true });
      if (document.activeElement === el || ++tries > 20) onAutoFocused(nodeId);
      else frame = requestAnimationFrame(attempt);
    };
    attempt();
    return () => cancelAnimationFrame(frame);
  }, [autoFocus, text, nodeId, onAutoFocused, ref]);

  return (
    <textarea
      ref={ref}
      data-testid="node-text"
      className="tree-node__text nodrag nopan nowheel"
      aria-label={label}
      placeholder={placeholder}
      rows={2}
      maxLength={TEXT_LIMITS.treeNodeText}
      disabled={!text}
      readOnly={readOnly}
      spellCheck
      onInput={onInput}
    />
  );
}
