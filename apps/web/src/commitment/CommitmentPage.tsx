import type { Mesa } from '@cocrea/domain';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ApiError } from '../api/client';
import { getCommitment, type CommitmentDetail } from '../api/commitments';
import { useErrorMessage } from '../api/useErrorMessage';
import type { MesaAuth } from '../collab/mesaAuth';
import { useCollabConnection } from '../collab/useCollabConnection';
import { PresenceList } from '../mesa/PresenceList';
import { JoinProgress } from '../session/JoinProgress';
import { MesaBar } from '../session/MesaBar';
import { MesaGate } from '../session/MesaGate';
import { AppHeader } from '../ui/AppHeader';
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
  const message = useErrorMessage();
  const fetcher = useCallback((signal: AbortSignal) => getCommitment(commitmentId, signal), [commitmentId]);
  const loader = useLoad(commitmentId, fetcher, 15_000);
  const { state } = loader;
  const wrongMesa = state.phase === 'ready' && state.data.commitment.mesaId !== mesa.id;

  let body;
  if (state.phase === 'loading') {
    body = (
      <p className="mesa-main__loading" role="status">
        <span className="spinner" aria-hidden="true" />
        {t('commitment.loading')}
      </p>
    );
  } else if (state.phase === 'error' || wrongMesa) {
    const notFound = wrongMesa || (state.phase === 'error' && state.error instanceof ApiError && state.error.status === 404);
    body = (
      <div className="card stack">
        <p className="alert" role="alert">
          {notFound || state.phase !== 'error' ? t('commitment.notFound') : message(state.error)}
        </p>
        <div className="row">
          {!notFound && (
            <button type="button" className="button" onClick={loader.reload}>
              {t('errors.retry')}
            </button>
          )}
          <Link href={`/mesas/${encodeURIComponent(mesa.id)}/compromisos`} className="button button--primary">
            {t('commitment.backToList')}
          </Link>
        </div>
      </div>
    );
  } else {
    return <CommitmentSession mesa={mesa} name={name} onName={onName} detail={state.data} loadedAt={state.loadedAt} loader={loader} />;
  }
  return (
    <div className="page">
      <AppHeader />
      <MesaBar mesa={mesa} />
      <main className="doc">{body}</main>
    </div>
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
    <div className="page">
      <AppHeader />
      <MesaBar mesa={mesa}>
        <Link href={`/mesas/${encodeURIComponent(mesa.id)}/compromisos`} className="mesa-bar__link" data-testid="back-to-commitments">
          {t('commitment.backToList')}
        </Link>
        {connection.phase === 'ready' && <PresenceList awareness={connection.session.provider.awareness} />}
      </MesaBar>
      <main className="doc doc--wide">
        {connection.phase === 'ready' ? (
          <CommitmentView detail={detail} loadedAt={loadedAt} loader={loader} session={connection.session} />
        ) : (
          <JoinProgress error={connection.phase === 'error' ? connection.error : null} name={name} onName={onName} onRetry={() => setAttempt((a) => a + 1)} />
        )}
      </main>
    </div>
  );
}
