import type { Mesa } from '@cocrea/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConnectionStatus } from '../collab/useConnectionStatus';
import { useMesaConnection, type MesaSession } from '../collab/useMesaConnection';
import { PresenceList } from '../mesa/PresenceList';
import { JoinProgress } from '../session/JoinProgress';
import { MesaBar } from '../session/MesaBar';
import { MesaGate } from '../session/MesaGate';
import { LoadingStatus } from '../ui/LoadingStatus';
import { PageLayout } from '../ui/PageLayout';
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
    <PageLayout bar={<MesaBar mesa={mesa}>{connection.phase === 'ready' && <PresenceList awareness={connection.session.provider.awareness} />}</MesaBar>}>
      <h1 className="doc__title">{t('commitments.pageTitle')}</h1>
      {connection.phase === 'ready' ? (
        <TreeReady mesa={mesa} session={connection.session} />
      ) : (
        <JoinProgress error={connection.phase === 'error' ? connection.error : null} name={name} onName={onName} onRetry={() => setAttempt((a) => a + 1)} />
      )}
    </PageLayout>
  );
}

function TreeReady({ mesa, session }: { mesa: Mesa; session: MesaSession }) {
  const { t } = useTranslation();
  const { everSynced } = useConnectionStatus(session.connection);
  if (!everSynced) return <LoadingStatus label={t('mesa.loadingTree')} />;
  return <CommitmentsPanel mesa={mesa} session={session} />;
}
