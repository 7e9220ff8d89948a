import { TEXT_LIMITS } from '@cocrea/collab';
import type { Commitment, CommitmentVersion } from '@cocrea/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresenceUser } from '../collab/presenceState';
import type { CollabSession } from '../collab/useCollabConnection';
import { useConnectionStatus } from '../collab/useConnectionStatus';
import { useSaveStalled, useSaveState } from '../collab/useSaveState';
import { useAccessProblem } from '../collab/useAccessProblem';
import { useCollabError } from '../collab/useCollabError';
import { AccessProblemBanner } from '../mesa/AccessProblemBanner';
import { CollabErrorBanner } from '../mesa/CollabErrorBanner';
import { ReadOnlyNotice, readOnlyReason } from '../mesa/ReadOnlyNotice';
import { StatusLine } from '../mesa/StatusLine';
import { useMesaAccess } from '../session/MesaAccessContext';
import { can } from '../session/permissions';
import { MissingChecklist } from '../roadmap/MissingChecklist';
import { RoadmapForm } from '../roadmap/RoadmapForm';
import { useRoadmapProblems } from '../roadmap/useRoadmapProblems';
import { LoadingStatus } from '../ui/LoadingStatus';
import type { Actions } from '../ui/useAction';
import { FinalizePanel } from './FinalizePanel';

interface Props {
  commitment: Commitment;
  session: CollabSession;
  /** Nothing can be changed here now (finalized, the person's role, a closed mesa). */
  readOnly: boolean;
  /** The roadmap is finalized (locked by the server). */
  locked: boolean;
  actions: Actions;
  onFinalized: (r: { commitment: Commitment; version: CommitmentVersion }) => void;
}

/** The hoja de ruta: live status, the read-only banner, the co-edited form, the checklist and "Finalizar". */
export function RoadmapSection({ commitment, session, readOnly, locked, actions, onFinalized }: Props) {
  const { t } = useTranslation();
  const { doc, provider, tracker, auth } = session;
  const connection = useConnectionStatus(session.connection);
  const saved = useSaveState(tracker);
  const stalled = useSaveStalled(tracker);
  const collabError = useCollabError(provider);
  const problem = useAccessProblem(auth, provider);
  const { role, mesa } = useMesaAccess();
  const reason = readOnlyReason(role, mesa.status);
  const p = auth.participant;
  const user: PresenceUser = useMemo(() => ({ id: p.id, name: p.name, color: p.color }), [p]);
  const problems = useRoadmapProblems(doc);

  return (
    <section className="roadmap card" aria-labelledby="roadmap-title">
      <div className="roadmap__head">
        <h2 id="roadmap-title">{t('roadmap.title')}</h2>
        {problem === null && (
          <StatusLine connection={connection} saved={saved} stalled={stalled} testIds={{ connection: 'roadmap-status-connection', save: 'roadmap-status-save' }} />
        )}
      </div>
      <p className="muted">{t('roadmap.intro')}</p>
      {problem !== null ? <AccessProblemBanner problem={problem} textLimit={TEXT_LIMITS.roadmapField} /> : collabError !== null && <CollabErrorBanner error={collabError} />}
      {!locked && readOnly && reason !== null && <ReadOnlyNotice reason={reason} className="notice" />}
      {locked && (
        <p className="locked-banner" role="status" data-testid="roadmap-locked">
          <LockIcon />
          {commitment.version > 0 ? t('roadmap.locked', { version: commitment.version }) : t('roadmap.lockedPlain')}
        </p>
      )}
      {connection.everSynced ? (
        <div className="roadmap__layout">
          <RoadmapForm doc={doc} provider={provider} user={user} readOnly={readOnly || problem !== null} />
          <aside className="roadmap__aside">
            {commitment.status !== 'finalizado' && <MissingChecklist problems={problems} />}
            {can.decide(role) && (
              <FinalizePanel commitment={commitment} auth={auth} actions={actions} complete={problems.length === 0} onFinalized={onFinalized} />
            )}
          </aside>
        </div>
      ) : (
        <LoadingStatus label={t('roadmap.loading')} />
      )}
    </section>
  );
}

function LockIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
      <rect x="5" y="11" width="14" height="10" rx="2" />
      <path d="M8 11V7a4 4 0 0 1 8 0v4" strokeLinecap="round" />
    </svg>
  );
}
