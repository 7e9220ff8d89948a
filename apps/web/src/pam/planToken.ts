import { ApiError, listMesas } from '../api/client';
import { joinMesaAuth, lastJoinedMesa } from '../collab/mesaAuth';
import i18n from '../i18n';

/**
 * A token to sign PAM changes. Plans are not mesa-scoped, but tokens come from joining a mesa:
 * this joins (as `name`, keeping this browser's participant id) the mesa joined last, or else
 * the newest mesa. Rejects when there is no mesa at all.
 */
export async function planToken(name: string): Promise<string> {
  const last = lastJoinedMesa();
  if (last) {
    try {
      return await (await joinMesaAuth(last, name)).token();
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 404) throw e;
    }
  }
  const newest = (await listMesas())[0];
  if (!newest) throw new ApiError('no_mesa', i18n.t('pam.noMesa'), 0);
  return (await joinMesaAuth(newest.id, name)).token();
}
