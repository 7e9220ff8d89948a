import type { MesaRecord } from '../api/accountTypes';
import { listMesas } from '../api/client';
import { useLoad } from '../ui/useLoad';

/** The mesas the account sees, for pickers and to name a mesa by its id (empty until loaded). */
export function useMesaTitles(): MesaRecord[] {
  const { state } = useLoad('admin-mesas', listMesas);
  return state.phase === 'ready' ? state.data : [];
}
