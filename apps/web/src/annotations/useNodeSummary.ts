import { readTree, treeNodes } from '@cocrea/collab';
import type { TreeNodeKind } from '@cocrea/domain';
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';

/** A node's kind and text, for the panel's title; `null` once the node is deleted. */
export interface NodeSummary {
  kind: TreeNodeKind;
  text: string;
}

function summarize(doc: Y.Doc, id: string): NodeSummary | null {
  const node = readTree(doc).nodes.find((n) => n.id === id);
  return node ? { kind: node.kind, text: node.text } : null;
}

/** Follows one node of the tree document live (its text as people type). */
export function useNodeSummary(doc: Y.Doc, id: string): NodeSummary | null {
  const [state, setState] = useState(() => ({ doc, id, value: summarize(doc, id) }));

  useEffect(() => {
    const nodes = treeNodes(doc);
    const read = () => setState({ doc, id, value: summarize(doc, id) });
    read();
    nodes.observeDeep(read);
    return () => nodes.unobserveDeep(read);
  }, [doc, id]);

  return state.doc === doc && state.id === id ? state.value : summarize(doc, id);
}
