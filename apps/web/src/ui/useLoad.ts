import { useCallback, useEffect, useState } from 'react';

/** Loading something: in flight, ready, or failed. `loadedAt` is when the request that answered started. */
export type Load<T> = { phase: 'loading' } | { phase: 'ready'; data: T; loadedAt: number } | { phase: 'error'; error: unknown };

/** A load and a way to load it again (quietly, keeping what is shown). */
export interface Loader<T> {
  state: Load<T>;
  reload: () => void;
  /** Replaces the shown data (e.g. with what a write answered). */
  set: (data: T) => void;
}

/**
 * Loads `fetcher(signal)` when `key` changes and on `reload()`; a reload keeps the current data
 * on screen until the answer arrives. `pollMs` reloads periodically while the page is visible.
 */
export function useLoad<T>(key: string, fetcher: (signal: AbortSignal) => Promise<T>, pollMs?: number): Loader<T> {
  const [tick, setTick] = useState(0);
  const [result, setResult] = useState<{ key: string; state: Load<T> } | null>(null);

  useEffect(() => {
    const ctrl = new AbortController();
    const startedAt = Date.now();
    fetcher(ctrl.signal).then(
      (data) => setResult({ key, state: { phase: 'ready', data, loadedAt: startedAt } }),
      (error: unknown) => {
        if (ctrl.signal.aborted) return;
        // A failed background reload keeps the data already shown.
        setResult((prev) => (prev?.key === key && prev.state.phase === 'ready' ? prev : { key, state: { phase: 'error', error } }));
      },
    );
    return () => ctrl.abort();
    // `fetcher` is keyed by `key`: a new function for the same key must not refetch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, tick]);

  useEffect(() => {
    if (!pollMs) return;
    const id = window.setInterval(() => {
      if (document.visibilityState === 'visible') setTick((t) => t + 1);
    }, pollMs);
    return () => window.clearInterval(id);
  }, [pollMs]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  const set = useCallback((data: T) => setResult({ key, state: { phase: 'ready', data, loadedAt: Date.now() } }), [key]);
  const state: Load<T> = result?.key === key ? result.state : { phase: 'loading' };
  return { state, reload, set };
}
