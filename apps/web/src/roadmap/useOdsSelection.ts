import { roadmapOds } from '@cocrea/collab';
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { compareTargetCodes } from './odsSearch';

function read(doc: Y.Doc): string[] {
  return [...roadmapOds(doc).keys()].sort(compareTargetCodes);
}

/** The ODS targets chosen for the roadmap, sorted; a new array only when the set changes. */
export function useOdsSelection(doc: Y.Doc): string[] {
  const [codes, setCodes] = useState(() => read(doc));
  useEffect(() => {
    const map = roadmapOds(doc);
    const update = () => {
      const next = read(doc);
      setCodes((prev) => (prev.join(' ') === next.join(' ') ? prev : next));
    };
    update();
    map.observe(update);
    return () => map.unobserve(update);
  }, [doc]);
  return codes;
}
