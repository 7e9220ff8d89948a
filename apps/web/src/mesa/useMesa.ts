import { useEffect, useState } from 'react';
import { getMesa, type MesaWithLink } from '../api/client';

/** Loading a mesa: in flight, found, or failed (404 included, as an `ApiError`). */
export type MesaLoad = { phase: 'loading' } | { phase: 'ready'; data: MesaWithLink } | { phase: 'error'; error: unknown };

/** Loads a mesa and its join link; `attempt` retries. */
export function useMesa(mesaId: string, attempt: number): MesaLoad {
  // Tagged with what it was loaded for, so a retry reads as "loading" at once.
  const key = `${mesaId}#${attempt}`;
  const [result, setResult] = useState<{ key: string; state: MesaLoad } | null>(null);
  useEffect(() => {
    const ctrl = new AbortController();
    const setState = (state: MesaLoad) => setResult({ key, state });
    getMesa(mesaId, ctrl.signal).then(
      (data) => setState({ phase: 'ready', data }),
      (error: unknown) => {
        if (!ctrl.signal.aborted) setState({ phase: 'error', error });
      },
    );
    return () => ctrl.abort();
  }, [key, mesaId]);
  return result?.key === key ? result.state : { phase: 'loading' };
}
