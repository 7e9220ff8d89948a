import type { Commitment, SolutionAlternative } from '@cocrea/domain';
import { useCallback } from 'react';
import { listAlternatives, listCommitments } from '../api/commitments';
import { useLoad, type Loader } from '../ui/useLoad';

/** A mesa's alternatives and commitments. */
export interface MesaCommitments {
  alternatives: SolutionAlternative[];
  commitments: Commitment[];
}

/** Loads a mesa's alternatives and commitments, refreshing every few seconds to show others' work. */
export function useMesaCommitments(mesaId: string): Loader<MesaCommitments> {
  const fetcher = useCallback(
    async (signal: AbortSignal) => {
      const [alternatives, commitments] = await Promise.all([listAlternatives(mesaId, signal), listCommitments(mesaId, signal)]);
      return { alternatives, commitments };
    },
    [mesaId],
  );
  return useLoad(mesaId, fetcher, 10_000);
}
