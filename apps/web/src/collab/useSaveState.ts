import type { SaveTracker } from '@cocrea/collab';
import { useSyncExternalStore } from 'react';

/** Whether every local edit is durable on the server ("Guardado"); SaveTracker is the only source. */
export function useSaveState(tracker: SaveTracker): boolean {
  return useSyncExternalStore(
    (cb) => tracker.subscribe(cb),
    () => tracker.state.isSaved,
  );
}

/**
 * Whether the server says saving has stalled (its disk or database is not taking writes): the
 * edits live only in this page and the server's memory until it recovers.
 */
export function useSaveStalled(tracker: SaveTracker): boolean {
  return useSyncExternalStore(
    (cb) => tracker.subscribe(cb),
    () => tracker.state.stalled && !tracker.state.isSaved,
  );
}
