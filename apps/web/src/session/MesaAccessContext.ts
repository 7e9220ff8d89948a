import { createContext, useContext } from 'react';
import type { MesaRecord } from '../api/accountTypes';
import type { MesaAuth, MesaRole } from '../collab/mesaAuth';

/** A mesa the person is in: the mesa, their credentials and role in it. */
export interface MesaAccess {
  mesa: MesaRecord;
  /** The link participants open to join. */
  joinUrl: string;
  auth: MesaAuth;
  role: MesaRole;
  /** Shows the mesa as a facilitator just changed it (join link, closed). */
  setMesa: (mesa: MesaRecord) => void;
}

/** Provided by `MesaGate` around a mesa's pages. */
export const MesaAccessContext = createContext<MesaAccess | null>(null);

/** The mesa the page is about; throws outside `MesaGate`. */
export function useMesaAccess(): MesaAccess {
  const v = useContext(MesaAccessContext);
  if (!v) throw new Error('useMesaAccess outside MesaGate');
  return v;
}
