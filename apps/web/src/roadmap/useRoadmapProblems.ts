import { readRoadmap } from '@cocrea/collab';
import { ODS_TARGET_CODES, roadmapProblems } from '@cocrea/domain';
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';

const problemsOf = (doc: Y.Doc) => roadmapProblems(readRoadmap(doc), ODS_TARGET_CODES);

/** What the roadmap still lacks to be finalized (the server's own rules), live. */
export function useRoadmapProblems(doc: Y.Doc): string[] {
  const [problems, setProblems] = useState(() => problemsOf(doc));
  useEffect(() => {
    const update = () => {
      const next = problemsOf(doc);
      setProblems((prev) => (prev.length === next.length && prev.every((p, i) => p === next[i]) ? prev : next));
    };
    update();
    doc.on('update', update);
    return () => doc.off('update', update);
  }, [doc]);
  return problems;
}
