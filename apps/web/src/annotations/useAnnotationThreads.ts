import { annotationThreads, readThreads, type AnnotationThread } from '@cocrea/collab';
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';

const NONE: readonly AnnotationThread[] = [];

/** The threads of an annotations document, re-read on every change (local or remote). */
export function useAnnotationThreads(doc: Y.Doc | null): readonly AnnotationThread[] {
  const [state, setState] = useState<{ doc: Y.Doc; threads: readonly AnnotationThread[] } | null>(null);

  useEffect(() => {
    if (!doc) return;
    const threads = annotationThreads(doc);
    const read = () => setState({ doc, threads: readThreads(doc) });
    read();
    threads.observeDeep(read);
    return () => threads.unobserveDeep(read);
  }, [doc]);

  return state && state.doc === doc ? state.threads : NONE;
}
