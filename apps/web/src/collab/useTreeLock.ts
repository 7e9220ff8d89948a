import type { HocuspocusProvider } from '@hocuspocus/provider';
import { useCallback } from 'react';
import { listCommitments } from '../api/commitments';
import { useLoad } from '../ui/useLoad';
import { isReadOnly } from './lockState';
import type { MesaAuth } from './mesaAuth';
import { useLockSignal } from './useLockSignal';

/**
 * Whether the mesa's tree is agreed (read-only): while any of its commitments is finalized the
 * server refuses tree edits. Known from the commitments at load, then from the server's
 * `locked`/`unlocked` stateless messages on the tree provider.
 */
export function useTreeLock(provider: HocuspocusProvider, auth: MesaAuth): boolean {
  const fetcher = useCallback(
    async (signal: AbortSignal) => (await listCommitments(auth.mesaId, await auth.bearer(), signal)).some((c) => !c.editable),
    [auth],
  );
  const { state, reload } = useLoad(`tree-lock:${auth.mesaId}`, fetcher);
  const signal = useLockSignal(provider, reload);
  if (state.phase !== 'ready') return signal?.locked ?? false;
  return isReadOnly(!state.data, state.loadedAt, signal);
}
