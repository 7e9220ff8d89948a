import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { getPublicPam } from '../api/pams';
import { PamExports } from '../pam/PamExports';
import { PamValidity } from '../pam/PamValidity';
import { can } from '../session/permissions';
import { useSession } from '../session/SessionContext';
import { LoadErrorCard } from '../ui/LoadErrorCard';
import { LoadingStatus } from '../ui/LoadingStatus';
import { PageLayout } from '../ui/PageLayout';
import { useFormats } from '../ui/useFormats';
import { useLoad } from '../ui/useLoad';
import { PublicCommitment } from './PublicCommitment';

/** `/publico/pam/:id`: a published plan for anyone, no name or token needed. */
export function PublicPamPage({ pamId }: { pamId: string }) {
  const { t } = useTranslation();
  const f = useFormats();
  // PAM exports are served to accounts only (the public API has no exports yet).
  const files = can.seePams(useSession().role);
  const fetcher = useCallback((signal: AbortSignal) => getPublicPam(pamId, signal), [pamId]);
  const { state, reload } = useLoad(pamId, fetcher);
  return (
    <PageLayout>
      <Link href="/publico" className="back-link">
        ← {t('public.backToList')}
      </Link>
      {state.phase === 'loading' && <LoadingStatus label={t('pam.loadingOne')} />}
      {state.phase === 'error' && <LoadErrorCard error={state.error} notFoundMessage={t('public.notFound')} onRetry={reload} />}
      {state.phase === 'ready' && (
        <div className="stack-lg" data-testid="public-pam">
          <header className="card stack public-hero">
            <p className="eyebrow">{t('public.eyebrow', { municipality: state.data.pam.municipality })}</p>
            <h1 className="commitment-header__title">{state.data.pam.title}</h1>
            <PamValidity pam={state.data.pam} />
            {state.data.pam.published && <p className="muted">{t('public.publishedBy', { stamp: f.stamp(state.data.pam.published) })}</p>}
            {files && <PamExports pamId={state.data.pam.id} />}
          </header>
          {state.data.commitments.map((v, i) => (
            <PublicCommitment key={v.content.commitment.id} version={v} index={i} />
          ))}
        </div>
      )}
    </PageLayout>
  );
}
