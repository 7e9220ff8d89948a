import { useEffect, useState } from 'react';
import { readPeers, type Awareness, type PresenceUser } from './presenceState';

/** A person in the presence list. */
export interface PresentPerson extends PresenceUser {
  isSelf: boolean;
}

function people(awareness: Awareness): PresentPerson[] {
  // One entry per participant, even with several tabs open; yourself first, then by name.
  const byId = new Map<string, PresentPerson>();
  for (const p of readPeers(awareness)) {
    const prev = byId.get(p.user.id);
    if (!prev || p.isSelf) byId.set(p.user.id, { ...p.user, isSelf: p.isSelf || (prev?.isSelf ?? false) });
  }
  return [...byId.values()].sort((a, b) => (a.isSelf !== b.isSelf ? (a.isSelf ? -1 : 1) : a.name.localeCompare(b.name)));
}

function signature(list: PresentPerson[]): string {
  return JSON.stringify(list);
}

/** Who is in the mesa right now. Re-renders only when the list changes, not when cursors move. */
export function usePresence(awareness: Awareness | null): PresentPerson[] {
  const [list, setList] = useState<PresentPerson[]>(() => (awareness ? people(awareness) : []));

  useEffect(() => {
    if (!awareness) return;
    let last = '';
    const update = () => {
      const next = people(awareness);
      const sig = signature(next);
      if (sig === last) return;
      last = sig;
      setList(next);
    };
    update();
    awareness.on('change', update);
    return () => awareness.off('change', update);
  }, [awareness]);

  return list;
}
