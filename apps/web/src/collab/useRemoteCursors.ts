import { useEffect, useState } from 'react';
import { readPeers, type Awareness, type Peer } from './presenceState';

/** The other people whose pointer is over the canvas. */
export function useRemoteCursors(awareness: Awareness | null): Peer[] {
  const [cursors, setCursors] = useState<Peer[]>([]);

  useEffect(() => {
    if (!awareness) return;
    const update = () => setCursors(readPeers(awareness).filter((p) => !p.isSelf && p.cursor !== null));
    update();
    awareness.on('change', update);
    return () => awareness.off('change', update);
  }, [awareness]);

  return cursors;
}
