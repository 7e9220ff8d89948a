import { useTranslation } from 'react-i18next';
import { useMesaConnection } from '../collab/useMesaConnection';
import type { MesaAccess } from '../session/MesaAccessContext';
import { LoadingStatus } from '../ui/LoadingStatus';
import { MesaHeader } from './MesaHeader';
import { MesaRoom } from './MesaRoom';

/** Opens the mesa's tree with the person's credentials, then shows the room. */
export function MesaWorkspace({ access }: { access: MesaAccess }) {
  const { t } = useTranslation();
  const session = useMesaConnection(access.auth);

  if (session) return <MesaRoom access={access} session={session} />;
  return (
    <div className="mesa-page">
      <MesaHeader mesa={access.mesa} />
      <main className="mesa-main mesa-main--center">
        <LoadingStatus label={t('join.joining')} />
      </main>
    </div>
  );
}
