import type { SaveTracker } from '@cocrea/collab';
import { useSyncExternalStore } from 'react';

/** Whether every local edit is durable on the server ("Guardado"); SaveTracker is the only source. */
export function useSaveState(tracker: SaveTracker): boolean {
  return useSyncExternalStore(
    (cb) => tracker.subscribe(cb),
    () => tracker.state.isSaved,
  );
}
