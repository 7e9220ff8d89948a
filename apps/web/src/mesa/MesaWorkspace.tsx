import type { Mesa } from '@cocrea/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { useErrorMessage } from '../api/useErrorMessage';
import { useMesaConnection } from '../collab/useMesaConnection';
import { MesaHeader } from './MesaHeader';
import { MesaRoom } from './MesaRoom';
import { NamePrompt } from './NamePrompt';

interface Props {
  mesa: Mesa;
  joinUrl: string;
  name: string;
  onName: (name: string) => void;
}

/** Joins the mesa under the given name, then shows the room; a refused name is asked again. */
export function MesaWorkspace({ mesa, joinUrl, name, onName }: Props) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const [attempt, setAttempt] = useState(0);
  const connection = useMesaConnection(mesa.id, name, attempt);

  if (connection.phase === 'ready') return <MesaRoom mesa={mesa} joinUrl={joinUrl} session={connection.session} />;

  const error = connection.phase === 'error' ? connection.error : null;
  const nameRefused = error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 404;
  return (
    <div className="mesa-page">
      <MesaHeader mesa={mesa} joinUrl={joinUrl} />
      <main className="mesa-main mesa-main--center">
        {connection.phase === 'joining' && (
          <p className="mesa-main__loading" role="status">
            <span className="spinner" aria-hidden="true" />
            {t('join.joining')}
          </p>
        )}
        {nameRefused && (
          <NamePrompt
            initialName={name}
            error={message(error)}
            onSubmit={(next) => {
              onName(next);
              setAttempt((a) => a + 1);
            }}
          />
        )}
        {error !== null && !nameRefused && (
          <div className="card">
            <p className="alert" role="alert">
              {message(error)}
            </p>
            <button type="button" className="button" onClick={() => setAttempt((a) => a + 1)}>
              {t('errors.retry')}
            </button>
          </div>
        )}
      </main>
    </div>
  );
}
