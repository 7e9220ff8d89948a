import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { getCommitment, type CommitmentDetail } from '../api/commitments';
import type { MesaAuth } from '../collab/mesaAuth';
import { useCollabSession } from '../collab/useCollabConnection';
import { PresenceList } from '../mesa/PresenceList';
import type { MesaAccess } from '../session/MesaAccessContext';
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
    <MesaGate
      mesaId={mesaId}
      path={`/mesas/${encodeURIComponent(mesaId)}/compromisos/${encodeURIComponent(commitmentId)}`}
      frame={(heading, body) => (
        <PageLayout bar={heading && <MesaBar mesa={heading} />} mainClassName="doc doc--center">
          {body}
        </PageLayout>
      )}
    >
      {(access) => <CommitmentLoader access={access} commitmentId={commitmentId} />}
    </MesaGate>
  );
}

function CommitmentLoader({ access, commitmentId }: { access: MesaAccess; commitmentId: string }) {
  const { t } = useTranslation();
  const { mesa, auth } = access;
  const fetcher = useCallback(async (signal: AbortSignal) => getCommitment(commitmentId, await auth.bearer(), signal), [commitmentId, auth]);
  const loader = useLoad(commitmentId, fetcher, 15_000);
  const { state } = loader;
  const wrongMesa = state.phase === 'ready' && state.data.commitment.mesaId !== mesa.id;
  if (state.phase === 'ready' && !wrongMesa) {
    return <CommitmentSession access={access} detail={state.data} loadedAt={state.loadedAt} loader={loader} />;
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
  access: MesaAccess;
  detail: CommitmentDetail;
  loadedAt: number;
  loader: Loader<CommitmentDetail>;
}

const roadmapPresence = (auth: MesaAuth) => ({ user: { ...auth.participant } });

function CommitmentSession({ access, detail, loadedAt, loader }: SessionProps) {
  const { t } = useTranslation();
  const { mesa } = access;
  const session = useCollabSession(access.auth, { document: detail.documents.roadmap, presence: roadmapPresence });
  return (
    <PageLayout
      bar={
        <MesaBar mesa={mesa}>
          <Link href={`/mesas/${encodeURIComponent(mesa.id)}/compromisos`} className="mesa-bar__link" data-testid="back-to-commitments">
            {t('commitment.backToList')}
          </Link>
          {session && <PresenceList awareness={session.provider.awareness} />}
        </MesaBar>
      }
      mainClassName="doc doc--wide"
    >
      {session ? <CommitmentView detail={detail} loadedAt={loadedAt} loader={loader} session={session} /> : <LoadingStatus label={t('roadmap.loading')} />}
    </PageLayout>
  );
}
