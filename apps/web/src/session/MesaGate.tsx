import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { useErrorMessage } from '../api/useErrorMessage';
import { JoinForm } from '../mesa/JoinForm';
import { useStoredName } from '../mesa/useStoredName';
import { LoadErrorCard } from '../ui/LoadErrorCard';
import { LoadingStatus } from '../ui/LoadingStatus';
import { JoinClosedNotice } from './JoinClosedNotice';
import { MesaAccessContext, type MesaAccess } from './MesaAccessContext';
import { useMesaEntry } from './useMesaEntry';

/** What a page shows of the mesa before it is entered (known once the join page answered). */
export interface MesaHeading {
  id: string;
  title: string;
  topic: string;
}

interface Props {
  mesaId: string;
  /** Where the person is (for "Inicia sesión" to come back). */
  path: string;
  /** The page's frame around the gate's own screens: loading, the join form, closed, failed. */
  frame: (heading: MesaHeading | null, body: ReactNode) => ReactNode;
  /** The page, once in. */
  children: (access: MesaAccess) => ReactNode;
}

/**
 * The way into every page of a mesa: an account gets its token and never gives a name; a
 * participant renews what this browser remembers, or fills in the join form; a closed link or
 * mesa is said plainly. The page then reads the mesa and credentials from `useMesaAccess`.
 */
export function MesaGate({ mesaId, path, frame, children }: Props) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const { entry, join, retry, setMesa } = useMesaEntry(mesaId);
  const [storedName, setStoredName] = useStoredName();

  if (entry.phase === 'ready') {
    const access: MesaAccess = { mesa: entry.mesa, joinUrl: entry.joinUrl, auth: entry.auth, role: entry.auth.role, setMesa };
    return <MesaAccessContext.Provider value={access}>{children(access)}</MesaAccessContext.Provider>;
  }
  const heading = entry.phase === 'join' || entry.phase === 'closed' ? (entry.info?.mesa ?? null) : null;
  let body: ReactNode;
  if (entry.phase === 'loading') body = <LoadingStatus label={t('mesa.loading')} />;
  else if (entry.phase === 'closed') body = <JoinClosedNotice reason={entry.reason} next={path} />;
  else if (entry.phase === 'join') {
    body = (
      <JoinForm
        initialName={storedName}
        error={entry.error === null ? null : message(entry.error)}
        busy={entry.busy}
        next={path}
        onSubmit={(details) => {
          setStoredName(details.name);
          join(details);
        }}
      />
    );
  } else {
    const denied = entry.error instanceof ApiError && entry.error.status === 403;
    body = (
      <LoadErrorCard
        className="card stack"
        error={entry.error}
        notFoundMessage={denied ? t('mesa.noAccess') : t('mesa.notFound')}
        missing={denied}
        back={{ href: '/', label: t('mesa.back') }}
        onRetry={retry}
      />
    );
  }
  return frame(heading, body);
}
