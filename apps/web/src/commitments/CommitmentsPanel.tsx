import type { Mesa } from '@cocrea/domain';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../api/useErrorMessage';
import type { MesaSession } from '../collab/useMesaConnection';
import { useAction } from '../ui/useAction';
import { AlternativeForm } from './AlternativeForm';
import { AlternativeList } from './AlternativeList';
import { CommitmentList } from './CommitmentList';
import { NewCommitmentForm } from './NewCommitmentForm';
import { useMesaCommitments } from './useMesaCommitments';
import { useTreeCauses } from './useTreeCauses';

/** The mesa's way from tree to commitments: alternatives (linked to the live tree's causes) and commitments. */
export function CommitmentsPanel({ mesa, session }: { mesa: Mesa; session: MesaSession }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const causes = useTreeCauses(session.doc);
  const loader = useMesaCommitments(mesa.id);
  const actions = useAction();
  const { state } = loader;

  if (state.phase === 'loading') {
    return (
      <p className="mesa-main__loading" role="status">
        <span className="spinner" aria-hidden="true" />
        {t('commitments.loading')}
      </p>
    );
  }
  if (state.phase === 'error') {
    return (
      <div className="alert" role="alert">
        <span>{message(state.error)}</span>
        <button type="button" className="button button--small" onClick={loader.reload}>
          {t('errors.retry')}
        </button>
      </div>
    );
  }
  const { alternatives, commitments } = state.data;
  return (
    <div className="commitments-grid">
      <section className="card stack" aria-labelledby="alternatives-title">
        <h2 id="alternatives-title">{t('alternatives.title')}</h2>
        <p className="muted">{t('alternatives.intro')}</p>
        <AlternativeList alternatives={alternatives} causes={causes} />
        <AlternativeForm auth={session.auth} causes={causes} actions={actions} onAdded={loader.reload} />
      </section>
      <div className="stack">
        <section className="card stack" aria-labelledby="commitments-title">
          <h2 id="commitments-title">{t('commitments.listTitle')}</h2>
          <CommitmentList mesaId={mesa.id} commitments={commitments} />
        </section>
        <NewCommitmentForm auth={session.auth} alternatives={alternatives} actions={actions} />
      </div>
    </div>
  );
}
