import { useTranslation } from 'react-i18next';
import type { MesaSession } from '../collab/useMesaConnection';
import { ReadOnlyNotice, readOnlyReason } from '../mesa/ReadOnlyNotice';
import { useMesaAccess } from '../session/MesaAccessContext';
import { can } from '../session/permissions';
import { CardSection } from '../ui/CardSection';
import { LoadErrorAlert } from '../ui/LoadErrorAlert';
import { LoadingStatus } from '../ui/LoadingStatus';
import { useAction } from '../ui/useAction';
import { AlternativeForm } from './AlternativeForm';
import { AlternativeList } from './AlternativeList';
import { CommitmentList } from './CommitmentList';
import { NewCommitmentForm } from './NewCommitmentForm';
import { useMesaCommitments } from './useMesaCommitments';
import { useTreeCauses } from './useTreeCauses';

/**
 * The mesa's way from tree to commitments: alternatives (linked to the live tree's causes) and
 * commitments. Proposing is for facilitators, and for participants while the mesa is open.
 */
export function CommitmentsPanel({ session }: { session: MesaSession }) {
  const { t } = useTranslation();
  const { mesa, role, auth } = useMesaAccess();
  const causes = useTreeCauses(session.doc);
  const loader = useMesaCommitments(auth);
  const actions = useAction();
  const { state } = loader;
  const propose = can.propose(role, mesa.status);
  const reason = readOnlyReason(role, mesa.status);

  if (state.phase === 'loading') return <LoadingStatus label={t('commitments.loading')} />;
  if (state.phase === 'error') return <LoadErrorAlert error={state.error} onRetry={loader.reload} />;
  const { alternatives, commitments } = state.data;
  return (
    <>
      {!propose && reason !== null && <ReadOnlyNotice reason={reason} className="notice" />}
      <div className="commitments-grid">
        <CardSection titleId="alternatives-title" title={t('alternatives.title')}>
          <p className="muted">{t('alternatives.intro')}</p>
          <AlternativeList alternatives={alternatives} causes={causes} />
          {propose && <AlternativeForm auth={session.auth} causes={causes} actions={actions} onAdded={loader.reload} />}
        </CardSection>
        <div className="stack">
          <CardSection titleId="commitments-title" title={t('commitments.listTitle')}>
            <CommitmentList mesaId={mesa.id} commitments={commitments} />
          </CardSection>
          {propose && <NewCommitmentForm auth={session.auth} alternatives={alternatives} actions={actions} />}
        </div>
      </div>
    </>
  );
}
