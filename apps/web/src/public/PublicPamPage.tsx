import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ApiError } from '../api/client';
import { getPublicPam } from '../api/pams';
import { useErrorMessage } from '../api/useErrorMessage';
import { PamExports } from '../pam/PamExports';
import { PamValidity } from '../pam/PamValidity';
import { AppHeader } from '../ui/AppHeader';
import { useFormats } from '../ui/useFormats';
import { useLoad } from '../ui/useLoad';
import { PublicCommitment } from './PublicCommitment';

/** `/publico/pam/:id`: a published plan for anyone, no name or token needed. */
export function PublicPamPage({ pamId }: { pamId: string }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const f = useFormats();
  const fetcher = useCallback((signal: AbortSignal) => getPublicPam(pamId, signal), [pamId]);
  const { state, reload } = useLoad(pamId, fetcher);
  return (
    <div className="page">
      <AppHeader />
      <main className="doc">
        <Link href="/publico" className="back-link">
          ← {t('public.backToList')}
        </Link>
        {state.phase === 'loading' && (
          <p className="mesa-main__loading" role="status">
            <span className="spinner" aria-hidden="true" />
            {t('pam.loadingOne')}
          </p>
        )}
        {state.phase === 'error' && (
          <div className="card stack">
            <p className="alert" role="alert">
              {state.error instanceof ApiError && state.error.status === 404 ? t('public.notFound') : message(state.error)}
            </p>
            <button type="button" className="button" onClick={reload}>
              {t('errors.retry')}
            </button>
          </div>
        )}
        {state.phase === 'ready' && (
          <div className="stack-lg" data-testid="public-pam">
            <header className="card stack public-hero">
              <p className="eyebrow">{t('public.eyebrow', { municipality: state.data.pam.municipality })}</p>
              <h1 className="commitment-header__title">{state.data.pam.title}</h1>
              <PamValidity pam={state.data.pam} />
              {state.data.pam.published && <p className="muted">{t('public.publishedBy', { stamp: f.stamp(state.data.pam.published) })}</p>}
              <PamExports pamId={state.data.pam.id} />
            </header>
            {state.data.commitments.map((v, i) => (
              <PublicCommitment key={v.content.commitment.id} version={v} index={i} />
            ))}
          </div>
        )}
      </main>
    </div>
  );
}
