import { openThreadCounts } from '@cocrea/collab';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type * as Y from 'yjs';
import type { MesaAuth } from '../collab/mesaAuth';
import { AnnotationsContext, annotationRights, type Annotations, type Annotator } from './AnnotationsContext';
import { AnnotationsPanel } from './AnnotationsPanel';
import { useAnnotationsDocument } from './useAnnotationsDocument';
import { useAnnotationThreads } from './useAnnotationThreads';
import './annotations.css';

interface Props {
  auth: MesaAuth;
  /** Who is annotating: the id and name the token carries, and their role in the mesa. */
  me: Annotator;
  /** Nobody writes: the tree is agreed, the mesa is closed, or access ended. */
  readOnly: boolean;
  /** The mesa's tree, to title the panel with the node it is about. */
  treeDoc: Y.Doc;
  children: ReactNode;
}

/**
 * Opens the mesa's annotations document beside the tree, gives the canvas the counts and a way
 * to open the panel (`AnnotationsContext`), and shows the panel for the chosen cause or effect.
 */
export function AnnotationsProvider({ auth, me, readOnly, treeDoc, children }: Props) {
  const { session, refused, ended } = useAnnotationsDocument(auth);
  const doc = session?.doc ?? null;
  const threads = useAnnotationThreads(doc);
  const [nodeId, setNodeId] = useState<string | null>(null);
  const openFor = useCallback((id: string) => setNodeId(id), []);
  const close = useCallback(() => setNodeId(null), []);

  const value = useMemo<Annotations>(() => {
    const totalCounts = new Map<string, number>();
    for (const t of threads) totalCounts.set(t.targetNodeId, (totalCounts.get(t.targetNodeId) ?? 0) + 1);
    return {
      me,
      rights: annotationRights(me.role, readOnly || ended || doc === null),
      doc,
      threads,
      openCounts: openThreadCounts(threads),
      totalCounts,
      openFor,
    };
  }, [me, readOnly, ended, doc, threads, openFor]);

  return (
    <AnnotationsContext.Provider value={value}>
      {children}
      {nodeId !== null && <AnnotationsPanel key={nodeId} nodeId={nodeId} treeDoc={treeDoc} refused={refused} onClose={close} />}
    </AnnotationsContext.Provider>
  );
}
