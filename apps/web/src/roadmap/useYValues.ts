import { roadmapList, roadmapText, type RoadmapList, type RoadmapTextField } from '@cocrea/collab';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import * as Y from 'yjs';

/** A text field of the roadmap's `fields` map (the same Y.Text for the document's life), once it has arrived. */
export function useRoadmapText(doc: Y.Doc, field: RoadmapTextField): Y.Text | undefined {
  const subscribe = useCallback(
    (cb: () => void) => {
      doc.on('update', cb);
      return () => doc.off('update', cb);
    },
    [doc],
  );
  return useSyncExternalStore(subscribe, () => roadmapText(doc, field));
}

/** A string value of a Y.Map (a date), `''` when unset; re-renders only when it changes. */
export function useMapString(map: Y.Map<unknown> | undefined, key: string): string {
  const subscribe = useCallback(
    (cb: () => void) => {
      if (!map) return () => undefined;
      map.observe(cb);
      return () => map.unobserve(cb);
    },
    [map],
  );
  return useSyncExternalStore(subscribe, () => {
    const v = map?.get(key);
    return typeof v === 'string' ? v : '';
  });
}

/** The item maps of one of the roadmap's lists, in order; a new array only when items come or go. */
export function useRoadmapItems(doc: Y.Doc, list: RoadmapList): Y.Map<unknown>[] {
  const read = useCallback(() => roadmapList(doc, list).toArray().filter((m) => m instanceof Y.Map), [doc, list]);
  const [items, setItems] = useState(read);
  useEffect(() => {
    const arr = roadmapList(doc, list);
    const update = () => {
      const next = read();
      setItems((prev) => (prev.length === next.length && prev.every((m, i) => m === next[i]) ? prev : next));
    };
    update();
    arr.observe(update);
    return () => arr.unobserve(update);
  }, [doc, list, read]);
  return items;
}

/** The Y.Text of an item field (set when the item was created). */
export function itemText(item: Y.Map<unknown>, field: string): Y.Text | undefined {
  const t = item.get(field);
  return t instanceof Y.Text ? t : undefined;
}

/** The id of a list item. */
export function itemId(item: Y.Map<unknown>): string {
  const id = item.get('id');
  return typeof id === 'string' ? id : '';
}
