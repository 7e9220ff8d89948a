import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ApiError } from '../api/client';
import { getPam } from '../api/pams';
import { useErrorMessage } from '../api/useErrorMessage';
import { NameGate } from '../session/NameGate';
import { AppHeader } from '../ui/AppHeader';
import { useLoad } from '../ui/useLoad';
import { PamView } from './PamView';

/** `/pam/:id`: one Plan de Acción Municipal, to manage. */
export function PamPage({ pamId }: { pamId: string }) {
  return <NameGate>{(name) => <PamLoader pamId={pamId} name={name} />}</NameGate>;
}

function PamLoader({ pamId, name }: { pamId: string; name: string }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const fetcher = useCallback((signal: AbortSignal) => getPam(pamId, signal), [pamId]);
  const loader = useLoad(pamId, fetcher, 20_000);
  const { state } = loader;
  return (
    <div className="page">
      <AppHeader />
      <main className="doc">
        <Link href="/pam" className="back-link">
          ← {t('pam.backToList')}
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
              {state.error instanceof ApiError && state.error.status === 404 ? t('pam.notFound') : message(state.error)}
            </p>
            <button type="button" className="button" onClick={loader.reload}>
              {t('errors.retry')}
            </button>
          </div>
        )}
        {state.phase === 'ready' && <PamView detail={state.data} loader={loader} name={name} />}
      </main>
    </div>
  );
}
