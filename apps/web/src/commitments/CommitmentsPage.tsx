import { useTranslation } from 'react-i18next';
import { useConnectionStatus } from '../collab/useConnectionStatus';
import { useMesaConnection, type MesaSession } from '../collab/useMesaConnection';
import { PresenceList } from '../mesa/PresenceList';
import type { MesaAccess } from '../session/MesaAccessContext';
import { MesaBar } from '../session/MesaBar';
import { MesaGate } from '../session/MesaGate';
import { LoadingStatus } from '../ui/LoadingStatus';
import { PageLayout } from '../ui/PageLayout';
import { CommitmentsPanel } from './CommitmentsPanel';

/** `/mesas/:mesaId/compromisos`: the mesa's alternatives and commitments. */
export function CommitmentsPage({ mesaId }: { mesaId: string }) {
  return (
    <MesaGate
      mesaId={mesaId}
      path={`/mesas/${encodeURIComponent(mesaId)}/compromisos`}
      frame={(heading, body) => (
        <PageLayout bar={heading && <MesaBar mesa={heading} />} mainClassName="doc doc--center">
          {body}
        </PageLayout>
      )}
    >
      {(access) => <CommitmentsWorkspace access={access} />}
    </MesaGate>
  );
}

function CommitmentsWorkspace({ access }: { access: MesaAccess }) {
  const { t } = useTranslation();
  const session = useMesaConnection(access.auth);
  return (
    <PageLayout bar={<MesaBar mesa={access.mesa}>{session && <PresenceList awareness={session.provider.awareness} />}</MesaBar>}>
      <h1 className="doc__title">{t('commitments.pageTitle')}</h1>
      {session ? <TreeReady session={session} /> : <LoadingStatus label={t('mesa.loadingTree')} />}
    </PageLayout>
  );
}

function TreeReady({ session }: { session: MesaSession }) {
  const { t } = useTranslation();
  const { everSynced } = useConnectionStatus(session.connection);
  if (!everSynced) return <LoadingStatus label={t('mesa.loadingTree')} />;
  return <CommitmentsPanel session={session} />;
}
