import type { Mesa } from '@cocrea/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConnectionStatus } from '../collab/useConnectionStatus';
import { useMesaConnection, type MesaSession } from '../collab/useMesaConnection';
import { PresenceList } from '../mesa/PresenceList';
import { JoinProgress } from '../session/JoinProgress';
import { MesaBar } from '../session/MesaBar';
import { MesaGate } from '../session/MesaGate';
import { AppHeader } from '../ui/AppHeader';
import { CommitmentsPanel } from './CommitmentsPanel';

/** `/mesas/:mesaId/compromisos`: the mesa's alternatives and commitments. */
export function CommitmentsPage({ mesaId }: { mesaId: string }) {
  return <MesaGate mesaId={mesaId}>{(mesa, name, setName) => <CommitmentsWorkspace mesa={mesa} name={name} onName={setName} />}</MesaGate>;
}

function CommitmentsWorkspace({ mesa, name, onName }: { mesa: Mesa; name: string; onName: (n: string) => void }) {
  const { t } = useTranslation();
  const [attempt, setAttempt] = useState(0);
  const connection = useMesaConnection(mesa.id, name, attempt);
  return (
    <div className="page">
      <AppHeader />
      <MesaBar mesa={mesa}>{connection.phase === 'ready' && <PresenceList awareness={connection.session.provider.awareness} />}</MesaBar>
      <main className="doc">
        <h1 className="doc__title">{t('commitments.pageTitle')}</h1>
        {connection.phase === 'ready' ? (
          <TreeReady mesa={mesa} session={connection.session} />
        ) : (
          <JoinProgress error={connection.phase === 'error' ? connection.error : null} name={name} onName={onName} onRetry={() => setAttempt((a) => a + 1)} />
        )}
      </main>
    </div>
  );
}

function TreeReady({ mesa, session }: { mesa: Mesa; session: MesaSession }) {
  const { t } = useTranslation();
  const { everSynced } = useConnectionStatus(session.connection);
  if (!everSynced) {
    return (
      <p className="mesa-main__loading" role="status">
        <span className="spinner" aria-hidden="true" />
        {t('mesa.loadingTree')}
      </p>
    );
  }
  return <CommitmentsPanel mesa={mesa} session={session} />;
}
