import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadErrorCard } from '../ui/LoadErrorCard';
import { LoadingStatus } from '../ui/LoadingStatus';
import { MesaHeader } from './MesaHeader';
import { MesaWorkspace } from './MesaWorkspace';
import { NamePrompt } from './NamePrompt';
import { useMesa } from './useMesa';
import { useStoredName } from './useStoredName';

/** `/mesas/:id`: loads the mesa, asks the person's name the first time, then joins. */
export function MesaPage({ mesaId }: { mesaId: string }) {
  const { t } = useTranslation();
  const [attempt, setAttempt] = useState(0);
  const load = useMesa(mesaId, attempt);
  const [name, setName] = useStoredName();

  if (load.phase === 'loading') {
    return (
      <main className="page page--center">
        <LoadingStatus label={t('mesa.loading')} />
      </main>
    );
  }
  if (load.phase === 'error') {
    return (
      <main className="page page--center">
        <LoadErrorCard
          className="card"
          error={load.error}
          notFoundMessage={t('mesa.notFound')}
          back={{ href: '/', label: t('mesa.back') }}
          onRetry={() => setAttempt((a) => a + 1)}
        />
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
