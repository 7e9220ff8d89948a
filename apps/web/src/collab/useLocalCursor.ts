import type { Point } from '@cocrea/domain';
import { useCallback, useEffect, useRef } from 'react';
import type { Awareness } from './presenceState';

/** How often, at most, the pointer position is published. */
const CURSOR_INTERVAL_MS = 50;

/**
 * Publishes this person's pointer (in flow coordinates) through awareness, throttled.
 * Returns a setter; `null` hides the cursor (the pointer left the canvas).
 */
export function useLocalCursor(awareness: Awareness | null): (p: Point | null) => void {
  const last = useRef(0);
  const pending = useRef<Point | null | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const publish = useCallback(
    (p: Point | null) => {
      last.current = Date.now();
      pending.current = undefined;
      awareness?.setLocalStateField('cursor', p === null ? null : { x: Math.round(p.x), y: Math.round(p.y) });
    },
    [awareness],
  );

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  return useCallback(
    (p: Point | null) => {
      const wait = CURSOR_INTERVAL_MS - (Date.now() - last.current);
      if (p === null || wait <= 0) {
        if (timer.current) clearTimeout(timer.current);
        timer.current = null;
        publish(p);
        return;
      }
      pending.current = p;
      timer.current ??= setTimeout(() => {
        timer.current = null;
        if (pending.current !== undefined) publish(pending.current);
      }, wait);
    },
    [publish],
  );
}
