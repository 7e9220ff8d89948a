import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { AnnotationsProvider } from '../annotations/AnnotationsProvider';
import { TreeCanvas } from '../canvas/TreeCanvas';
import { useAccessProblem } from '../collab/useAccessProblem';
import { useCollabError } from '../collab/useCollabError';
import { useConnectionStatus } from '../collab/useConnectionStatus';
import type { MesaSession } from '../collab/useMesaConnection';
import { useSaveStalled, useSaveState } from '../collab/useSaveState';
import { useTreeLock } from '../collab/useTreeLock';
import type { MesaAccess } from '../session/MesaAccessContext';
import { can } from '../session/permissions';
import { LoadingStatus } from '../ui/LoadingStatus';
import { AccessProblemBanner } from './AccessProblemBanner';
import { CollabErrorBanner } from './CollabErrorBanner';
import { MesaControls } from './MesaControls';
import { MesaHeader } from './MesaHeader';
import { PresenceList } from './PresenceList';
import { ReadOnlyNotice, readOnlyReason } from './ReadOnlyNotice';
import { ShareLink } from './ShareLink';
import { StatusLine } from './StatusLine';

interface Props {
  access: MesaAccess;
  session: MesaSession;
}

/** A mesa with its tree open: header with tools, status and presence; the banners; the canvas. */
export function MesaRoom({ access, session }: Props) {
  const { t } = useTranslation();
  const { mesa, joinUrl, auth, role } = access;
  const { doc, provider, tracker } = session;
  const participant = auth.participant;
  const connection = useConnectionStatus(session.connection);
  const saved = useSaveState(tracker);
  const stalled = useSaveStalled(tracker);
  const collabError = useCollabError(provider);
  const problem = useAccessProblem(auth, provider);
  const treeLocked = useTreeLock(provider, auth);
  const author = useMemo(() => ({ id: participant.id, name: participant.name }), [participant]);
  const annotator = useMemo(() => ({ id: participant.id, name: participant.name, role }), [participant, role]);
  const manage = can.manageMesas(role);
  const readOnly = treeLocked || problem !== null || !can.editDocuments(role, mesa.status);
  const reason = readOnlyReason(role, mesa.status);

  return (
    <div className="mesa-page">
      <MesaHeader mesa={mesa}>
        <Link href={`/mesas/${encodeURIComponent(mesa.id)}/compromisos`} className="button button--small button--accent" data-testid="commitments-link">
          {t('commitments.link')}
        </Link>
        <Link href={`/mesas/${encodeURIComponent(mesa.id)}/kit`} className="button button--small" data-testid="kit-link">
          {t('exercise.kit.link')}
        </Link>
        {manage && <ShareLink url={joinUrl} />}
        {manage && <MesaControls />}
        {problem === null && <StatusLine connection={connection} saved={saved} stalled={stalled} />}
        <PresenceList awareness={provider.awareness} />
      </MesaHeader>
      <main className="mesa-main">
        {problem !== null ? <AccessProblemBanner problem={problem} /> : collabError !== null && <CollabErrorBanner error={collabError} />}
        {treeLocked ? (
          <p className="tree-locked" role="status" data-testid="tree-locked">
            {t('mesa.treeLocked')}
          </p>
        ) : (
          problem === null && reason !== null && <ReadOnlyNotice reason={reason} />
        )}
        {connection.everSynced ? (
          <AnnotationsProvider auth={auth} me={annotator} readOnly={treeLocked || problem !== null || mesa.status === 'cerrada'} treeDoc={doc}>
            <TreeCanvas doc={doc} awareness={provider.awareness} author={author} readOnly={readOnly} />
          </AnnotationsProvider>
        ) : collabError !== null || problem !== null ? null : (
          <LoadingStatus label={t('mesa.loadingTree')} />
        )}
      </main>
    </div>
  );
}
