import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { getPam } from '../api/pams';
import { can, type Role } from '../session/permissions';
import { RequireRole } from '../session/RequireRole';
import { LoadErrorCard } from '../ui/LoadErrorCard';
import { LoadingStatus } from '../ui/LoadingStatus';
import { PageLayout } from '../ui/PageLayout';
import { useLoad } from '../ui/useLoad';
import { PamView } from './PamView';

/** `/pam/:id`: one Plan de Acción Municipal, to manage (facilitators) or review and approve (STM). */
export function PamPage({ pamId }: { pamId: string }) {
  return <RequireRole allow={can.seePams}>{(account) => <PamLoader pamId={pamId} role={account.role} />}</RequireRole>;
}

function PamLoader({ pamId, role }: { pamId: string; role: Role }) {
  const { t } = useTranslation();
  const fetcher = useCallback((signal: AbortSignal) => getPam(pamId, signal), [pamId]);
  const loader = useLoad(pamId, fetcher, 20_000);
  const { state } = loader;
  return (
    <PageLayout>
      <Link href="/pam" className="back-link">
        ← {t('pam.backToList')}
      </Link>
      {state.phase === 'loading' && <LoadingStatus label={t('pam.loadingOne')} />}
      {state.phase === 'error' && <LoadErrorCard error={state.error} notFoundMessage={t('pam.notFound')} onRetry={loader.reload} />}
      {state.phase === 'ready' && <PamView detail={state.data} loader={loader} role={role} />}
    </PageLayout>
  );
}
