import { useCallback, useState } from 'react';
import { useErrorMessage } from '../api/useErrorMessage';

/** The state of a page's server actions: at most one runs and at most one refusal shows. */
export interface Actions {
  /** The action running now, or `null`. */
  busy: string | null;
  /** The last refusal and which action it belongs to. */
  error: { source: string; message: string; cause: unknown } | null;
  /** The refusal message of `source`, or `null`. */
  errorOf: (source: string) => string | null;
  /** Runs `fn` as `source`; a rejection becomes the shown refusal; resolves to the result or `undefined`. */
  run: <T>(source: string, fn: () => Promise<T>) => Promise<T | undefined>;
  /** Hides the refusal. */
  clear: () => void;
}

/** Tracks a page's server actions so only one refusal (`action-error`) is visible at a time. */
export function useAction(): Actions {
  const message = useErrorMessage();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<Actions['error']>(null);

  const run = useCallback(
    async <T,>(source: string, fn: () => Promise<T>): Promise<T | undefined> => {
      setBusy(source);
      setError(null);
      try {
        return await fn();
      } catch (cause) {
        setError({ source, message: message(cause), cause });
        return undefined;
      } finally {
        setBusy(null);
      }
    },
    [message],
  );
  const errorOf = useCallback((source: string) => (error?.source === source ? error.message : null), [error]);
  const clear = useCallback(() => setError(null), []);
  return { busy, error, errorOf, run, clear };
}
