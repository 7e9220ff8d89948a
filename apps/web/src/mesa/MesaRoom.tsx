import type { Mesa } from '@cocrea/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { TreeCanvas } from '../canvas/TreeCanvas';
import { useCollabError } from '../collab/useCollabError';
import { useConnectionStatus } from '../collab/useConnectionStatus';
import type { MesaSession } from '../collab/useMesaConnection';
import { useSaveState } from '../collab/useSaveState';
import { useTreeLock } from '../collab/useTreeLock';
import { LoadingStatus } from '../ui/LoadingStatus';
import { CollabErrorBanner } from './CollabErrorBanner';
import { MesaHeader } from './MesaHeader';
import { PresenceList } from './PresenceList';
import { StatusLine } from './StatusLine';

interface Props {
  mesa: Mesa;
  joinUrl: string;
  session: MesaSession;
}

/** A joined mesa: header with status and presence, the collaboration banner, and the canvas. */
export function MesaRoom({ mesa, joinUrl, session }: Props) {
  const { t } = useTranslation();
  const { doc, provider, tracker } = session;
  const participant = session.auth.participant;
  const connection = useConnectionStatus(session.connection);
  const saved = useSaveState(tracker);
  const collabError = useCollabError(provider);
  const treeLocked = useTreeLock(provider, mesa.id);
  const author = useMemo(() => ({ id: participant.id, name: participant.name }), [participant]);

  return (
    <div className="mesa-page">
      <MesaHeader mesa={mesa} joinUrl={joinUrl}>
        <StatusLine connection={connection} saved={saved} />
        <PresenceList awareness={provider.awareness} />
      </MesaHeader>
      <main className="mesa-main">
        {collabError !== null && <CollabErrorBanner error={collabError} />}
        {treeLocked && (
          <p className="tree-locked" role="status" data-testid="tree-locked">
            {t('mesa.treeLocked')}
          </p>
        )}
        {connection.everSynced ? (
          <TreeCanvas doc={doc} awareness={provider.awareness} author={author} readOnly={treeLocked} />
        ) : collabError !== null ? null : (
          <LoadingStatus label={t('mesa.loadingTree')} />
        )}
      </main>
    </div>
  );
}
