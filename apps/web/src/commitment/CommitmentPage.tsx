import type { Mesa } from '@cocrea/domain';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { getCommitment, type CommitmentDetail } from '../api/commitments';
import type { MesaAuth } from '../collab/mesaAuth';
import { useCollabConnection } from '../collab/useCollabConnection';
import { PresenceList } from '../mesa/PresenceList';
import { JoinProgress } from '../session/JoinProgress';
import { MesaBar } from '../session/MesaBar';
import { MesaGate } from '../session/MesaGate';
import { LoadErrorCard } from '../ui/LoadErrorCard';
import { LoadingStatus } from '../ui/LoadingStatus';
import { PageLayout } from '../ui/PageLayout';
import { useLoad, type Loader } from '../ui/useLoad';
import { CommitmentView } from './CommitmentView';

/** `/mesas/:mesaId/compromisos/:commitmentId`: one commitment, from review to finalized versions. */
export function CommitmentPage({ mesaId, commitmentId }: { mesaId: string; commitmentId: string }) {
  return (
    <MesaGate mesaId={mesaId}>
      {(mesa, name, setName) => <CommitmentLoader mesa={mesa} commitmentId={commitmentId} name={name} onName={setName} />}
    </MesaGate>
  );
}

interface LoaderProps {
  mesa: Mesa;
  commitmentId: string;
  name: string;
  onName: (n: string) => void;
}

function CommitmentLoader({ mesa, commitmentId, name, onName }: LoaderProps) {
  const { t } = useTranslation();
  const fetcher = useCallback((signal: AbortSignal) => getCommitment(commitmentId, signal), [commitmentId]);
  const loader = useLoad(commitmentId, fetcher, 15_000);
  const { state } = loader;
  const wrongMesa = state.phase === 'ready' && state.data.commitment.mesaId !== mesa.id;
  if (state.phase === 'ready' && !wrongMesa) {
    return <CommitmentSession mesa={mesa} name={name} onName={onName} detail={state.data} loadedAt={state.loadedAt} loader={loader} />;
  }
  return (
    <PageLayout bar={<MesaBar mesa={mesa} />}>
      {state.phase === 'loading' ? (
        <LoadingStatus label={t('commitment.loading')} />
      ) : (
        <LoadErrorCard
          error={state.phase === 'error' ? state.error : null}
          missing={wrongMesa}
          notFoundMessage={t('commitment.notFound')}
          back={{ href: `/mesas/${encodeURIComponent(mesa.id)}/compromisos`, label: t('commitment.backToList') }}
          onRetry={loader.reload}
        />
      )}
    </PageLayout>
  );
}

interface SessionProps {
  mesa: Mesa;
  name: string;
  onName: (n: string) => void;
  detail: CommitmentDetail;
  loadedAt: number;
  loader: Loader<CommitmentDetail>;
}

const roadmapPresence = (auth: MesaAuth) => ({ user: { ...auth.participant } });

function CommitmentSession({ mesa, name, onName, detail, loadedAt, loader }: SessionProps) {
  const { t } = useTranslation();
  const [attempt, setAttempt] = useState(0);
  const connection = useCollabConnection(mesa.id, name, attempt, { document: detail.documents.roadmap, presence: roadmapPresence });
  return (
    <PageLayout
      bar={
        <MesaBar mesa={mesa}>
          <Link href={`/mesas/${encodeURIComponent(mesa.id)}/compromisos`} className="mesa-bar__link" data-testid="back-to-commitments">
            {t('commitment.backToList')}
          </Link>
          {connection.phase === 'ready' && <PresenceList awareness={connection.session.provider.awareness} />}
        </MesaBar>
      }
      mainClassName="doc doc--wide"
    >
      {connection.phase === 'ready' ? (
        <CommitmentView detail={detail} loadedAt={loadedAt} loader={loader} session={connection.session} />
      ) : (
        <JoinProgress error={connection.phase === 'error' ? connection.error : null} name={name} onName={onName} onRetry={() => setAttempt((a) => a + 1)} />
      )}
    </PageLayout>
  );
}
