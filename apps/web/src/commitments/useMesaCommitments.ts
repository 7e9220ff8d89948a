import type { Commitment, SolutionAlternative } from '@cocrea/domain';
import { useCallback } from 'react';
import { listAlternatives, listCommitments } from '../api/commitments';
import type { MesaAuth } from '../collab/mesaAuth';
import { useLoad, type Loader } from '../ui/useLoad';

/** A mesa's alternatives and commitments. */
export interface MesaCommitments {
  alternatives: SolutionAlternative[];
  commitments: Commitment[];
}

/** Loads a mesa's alternatives and commitments with the person's credentials, refreshing every few seconds to show others' work. */
export function useMesaCommitments(auth: MesaAuth): Loader<MesaCommitments> {
  const fetcher = useCallback(
    async (signal: AbortSignal) => {
      const token = await auth.bearer();
      const [alternatives, commitments] = await Promise.all([listAlternatives(auth.mesaId, token, signal), listCommitments(auth.mesaId, token, signal)]);
      return { alternatives, commitments };
    },
    [auth],
  );
  return useLoad(auth.mesaId, fetcher, 10_000);
}
