import type { Mesa } from '@cocrea/domain';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NamePrompt } from '../mesa/NamePrompt';
import { useMesa } from '../mesa/useMesa';
import { useStoredName } from '../mesa/useStoredName';
import { LoadErrorCard } from '../ui/LoadErrorCard';
import { LoadingStatus } from '../ui/LoadingStatus';
import { PageLayout } from '../ui/PageLayout';
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
  const [attempt, setAttempt] = useState(0);
  const load = useMesa(mesaId, attempt);
  const [name, setName] = useStoredName();

  if (load.phase === 'ready' && name) return children(load.data.mesa, name, setName);
  return (
    <PageLayout bar={load.phase === 'ready' && <MesaBar mesa={load.data.mesa} />} mainClassName="doc doc--center">
      {load.phase === 'loading' && <LoadingStatus label={t('mesa.loading')} />}
      {load.phase === 'error' && (
        <LoadErrorCard error={load.error} notFoundMessage={t('mesa.notFound')} back={{ href: '/', label: t('mesa.back') }} onRetry={() => setAttempt((a) => a + 1)} />
      )}
      {load.phase === 'ready' && <NamePrompt initialName="" error={null} onSubmit={setName} />}
    </PageLayout>
  );
}
