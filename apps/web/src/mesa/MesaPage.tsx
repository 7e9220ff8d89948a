import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ApiError } from '../api/client';
import { useErrorMessage } from '../api/useErrorMessage';
import { MesaHeader } from './MesaHeader';
import { MesaWorkspace } from './MesaWorkspace';
import { NamePrompt } from './NamePrompt';
import { useMesa } from './useMesa';
import { useStoredName } from './useStoredName';

/** `/mesas/:id`: loads the mesa, asks the person's name the first time, then joins. */
export function MesaPage({ mesaId }: { mesaId: string }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const [attempt, setAttempt] = useState(0);
  const load = useMesa(mesaId, attempt);
  const [name, setName] = useStoredName();

  if (load.phase === 'loading') {
    return (
      <main className="page page--center">
        <p className="mesa-main__loading" role="status">
          <span className="spinner" aria-hidden="true" />
          {t('mesa.loading')}
        </p>
      </main>
    );
  }
  if (load.phase === 'error') {
    const notFound = load.error instanceof ApiError && load.error.status === 404;
    return (
      <main className="page page--center">
        <div className="card">
          <p className="alert" role="alert">
            {notFound ? t('mesa.notFound') : message(load.error)}
          </p>
          <div className="row">
            {!notFound && (
              <button type="button" className="button" onClick={() => setAttempt((a) => a + 1)}>
                {t('errors.retry')}
              </button>
            )}
            <Link href="/" className="button button--primary">
              {t('mesa.back')}
            </Link>
          </div>
        </div>
      </main>
    );
  }

  const { mesa, joinUrl } = load.data;
  if (!name) {
    return (
      <div className="mesa-page">
        <MesaHeader mesa={mesa} joinUrl={joinUrl} />
        <main className="mesa-main mesa-main--center">
          <NamePrompt initialName="" error={null} onSubmit={setName} />
        </main>
      </div>
    );
  }
  return <MesaWorkspace mesa={mesa} joinUrl={joinUrl} name={name} onName={setName} />;
}
