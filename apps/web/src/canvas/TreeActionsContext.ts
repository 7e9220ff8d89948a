import { createContext, useContext } from 'react';
import type * as Y from 'yjs';

/** What a node card can do to the tree; one stable object for the whole canvas. */
export interface TreeActions {
  doc: Y.Doc;
  /** Adds a cause or an effect under `parentId` and focuses its text. */
  addChild: (parentId: string, kind: 'cause' | 'effect') => void;
  /** Opens the confirmation dialog for deleting a node and its subtree. */
  requestDelete: (id: string) => void;
  /** Whether this node was just added here and should take the focus. */
  wantsFocus: (id: string) => boolean;
  /** The node took the focus; stop asking. */
  focusTaken: (id: string) => void;
  /** The tree is agreed (a commitment was finalized): nothing can be changed. */
  readOnly: boolean;
}

/** Provides {@link TreeActions} to the node cards without passing functions through node data. */
export const TreeActionsContext = createContext<TreeActions | null>(null);

/** The tree actions of the enclosing canvas. */
export function useTreeActions(): TreeActions {
  const actions = useContext(TreeActionsContext);
  if (!actions) throw new Error('useTreeActions outside TreeActionsContext');
  return actions;
}
