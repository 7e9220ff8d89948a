import type { Mesa } from '@cocrea/domain';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ApiError } from '../api/client';
import { useErrorMessage } from '../api/useErrorMessage';
import { NamePrompt } from '../mesa/NamePrompt';
import { useMesa } from '../mesa/useMesa';
import { useStoredName } from '../mesa/useStoredName';
import { AppHeader } from '../ui/AppHeader';
import { MesaBar } from './MesaBar';

interface Props {
  mesaId: string;
  /** The page once the mesa is loaded and the person has a name. */
  children: (mesa: Mesa, name: string, setName: (name: string) => void) => ReactNode;
}

/**
 * Loads a mesa and asks the person's name the first time (remembered in this browser, like on
 * the mesa page), then renders the page. A page of the mesa opened directly goes through here.
 */
export function MesaGate({ mesaId, children }: Props) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const [attempt, setAttempt] = useState(0);
  const load = useMesa(mesaId, attempt);
  const [name, setName] = useStoredName();

  if (load.phase === 'ready' && name) return children(load.data.mesa, name, setName);
  const notFound = load.phase === 'error' && load.error instanceof ApiError && load.error.status === 404;
  return (
    <div className="page">
      <AppHeader />
      {load.phase === 'ready' && <MesaBar mesa={load.data.mesa} />}
      <main className="doc doc--center">
        {load.phase === 'loading' && (
          <p className="mesa-main__loading" role="status">
            <span className="spinner" aria-hidden="true" />
            {t('mesa.loading')}
          </p>
        )}
        {load.phase === 'error' && (
          <div className="card stack">
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
        )}
        {load.phase === 'ready' && <NamePrompt initialName="" error={null} onSubmit={setName} />}
      </main>
    </div>
  );
}
