import { createContext, useContext } from 'react';
import type * as Y from 'yjs';

/** What every field of a roadmap needs: its document and whether it is read-only now. */
export interface RoadmapContextValue {
  doc: Y.Doc;
  /** Finalized (or locked by the server): every field is disabled. */
  disabled: boolean;
}

/** The roadmap being edited on this page. */
export const RoadmapContext = createContext<RoadmapContextValue | null>(null);

/** The roadmap being edited; throws outside a {@link RoadmapContext} provider. */
export function useRoadmap(): RoadmapContextValue {
  const v = useContext(RoadmapContext);
  if (!v) throw new Error('useRoadmap outside RoadmapContext');
  return v;
}
