import type { Commitment, Mesa } from '@cocrea/domain';
import { listMesas } from '../api/client';
import { listCommitments } from '../api/commitments';
import { useLoad, type Loader } from '../ui/useLoad';

/** A mesa with its finalized commitments. */
export interface MesaFinalized {
  mesa: Mesa;
  commitments: Commitment[];
}

async function fetchFinalized(signal: AbortSignal): Promise<MesaFinalized[]> {
  const mesas = await listMesas(signal);
  const all = await Promise.all(mesas.map(async (mesa) => ({ mesa, commitments: await listCommitments(mesa.id, undefined, signal) })));
  return all
    .map(({ mesa, commitments }) => ({ mesa, commitments: commitments.filter((c) => c.status === 'finalizado') }))
    .filter((m) => m.commitments.length > 0);
}

/** The finalized commitments of every mesa, grouped by mesa (what a PAM can include). */
export function useFinalizedCommitments(): Loader<MesaFinalized[]> {
  return useLoad('finalized-commitments', fetchFinalized);
}
