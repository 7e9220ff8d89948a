import type { Commitment } from '@cocrea/domain';
import { useTranslation } from 'react-i18next';
import { commitmentStep, type VersionSummary } from '../api/commitments';
import type { MesaAuth } from '../collab/mesaAuth';
import { useMesaAccess } from '../session/MesaAccessContext';
import { can } from '../session/permissions';
import { ActionError } from '../ui/ActionError';
import { CardSection } from '../ui/CardSection';
import type { Actions } from '../ui/useAction';
import { VersionList } from './VersionList';

interface Props {
  commitment: Commitment;
  versions: VersionSummary[];
  auth: MesaAuth;
  actions: Actions;
  onCommitment: (c: Commitment) => void;
}

/** The finalized versions with their downloads, and "Abrir nueva versión" for a finalized commitment. */
export function VersionsSection({ commitment: c, versions, auth, actions, onCommitment }: Props) {
  const { t } = useTranslation();
  const { role } = useMesaAccess();
  const reopen = () => {
    void actions.run('reopen', async () => commitmentStep(c.id, 'reopen', await auth.bearer())).then((next) => {
      if (next) onCommitment(next);
    });
  };
  return (
    <CardSection titleId="versions-title" title={t('versions.title')}>
      <VersionList commitmentId={c.id} versions={versions} auth={auth} />
      {c.status === 'finalizado' && can.decide(role) && (
        <div className="action-row">
          <button type="button" className="button" data-testid="reopen" disabled={actions.busy === 'reopen'} onClick={reopen}>
            {t('versions.reopen')}
          </button>
          <span className="muted">{t('versions.reopenHint')}</span>
          <ActionError message={actions.errorOf('reopen')} />
        </div>
      )}
    </CardSection>
  );
}
