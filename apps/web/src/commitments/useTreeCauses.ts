import { readTree } from '@cocrea/collab';
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';

/** A cause of the live tree, with its current text. */
export interface CauseOption {
  id: string;
  text: string;
  /** 1 for a direct cause of the problem, 2 for a cause of a cause… */
  depth: number;
}

function causesOf(doc: Y.Doc): CauseOption[] {
  return readTree(doc)
    .nodes.filter((n) => n.kind === 'cause')
    .map((n) => ({ id: n.id, text: n.text, depth: n.depth }));
}

const same = (a: CauseOption[], b: CauseOption[]) =>
  a.length === b.length && a.every((c, i) => c.id === b[i]?.id && c.text === b[i].text && c.depth === b[i].depth);

/** The causes of the live problem tree, in tree order; re-read as people edit it. */
export function useTreeCauses(doc: Y.Doc): CauseOption[] {
  const [causes, setCauses] = useState<CauseOption[]>(() => causesOf(doc));
  useEffect(() => {
    const update = () => {
      const next = causesOf(doc);
      setCauses((prev) => (same(prev, next) ? prev : next));
    };
    update();
    doc.on('update', update);
    return () => doc.off('update', update);
  }, [doc]);
  return causes;
}
