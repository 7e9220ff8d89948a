import type { ActionPlan } from '@cocrea/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { addPamEntry, advancePam, removePamEntry, updatePam, type PlanDetail } from '../api/pams';
import { ActionError } from '../ui/ActionError';
import { CardSection } from '../ui/CardSection';
import { useAction } from '../ui/useAction';
import type { Loader } from '../ui/useLoad';
import { PamAddCommitment } from './PamAddCommitment';
import { PamEntries } from './PamEntries';
import { PamExports } from './PamExports';
import { PamHeader } from './PamHeader';
import { PamLaunchDate } from './PamLaunchDate';
import { planToken } from './planToken';

interface Props {
  detail: PlanDetail;
  loader: Loader<PlanDetail>;
  name: string;
}

/** Managing one plan: its commitments, launch date, approval, publication and exports. */
export function PamView({ detail, loader, name }: Props) {
  const { t } = useTranslation();
  const actions = useAction();
  const { pam, commitments } = detail;
  const included = new Set(pam.entries.map((e) => e.commitmentId));

  const step = (source: string, fn: (token: string) => Promise<ActionPlan>) => {
    void actions.run(source, async () => fn(await planToken(name))).then((next) => {
      if (!next) return;
      loader.set({ ...detail, pam: next });
      loader.reload();
    });
  };

  return (
    <div className="stack-lg">
      <PamHeader pam={pam} />
      <CardSection titleId="pam-entries-title" title={t('pam.entriesTitle')}>
        <PamEntries pam={pam} commitments={commitments} busy={actions.busy !== null} onRemove={(id) => step('remove', (tk) => removePamEntry(pam.id, id, tk))} />
        <ActionError message={actions.errorOf('remove')} />
        {pam.status === 'borrador' && (
          <PamAddCommitment included={included} busy={actions.busy === 'add'} error={actions.errorOf('add')} onAdd={(id) => step('add', (tk) => addPamEntry(pam.id, id, tk))} />
        )}
      </CardSection>
      <CardSection titleId="pam-steps-title" title={t('pam.stepsTitle')}>
        {pam.status !== 'publicado' && (
          <PamLaunchDate key={pam.launchDate ?? ''} pam={pam} busy={actions.busy === 'launch'} error={actions.errorOf('launch')} onSave={(d) => step('launch', (tk) => updatePam(pam.id, { launchDate: d }, tk))} />
        )}
        {pam.status !== 'publicado' && (
          <div className="action-row">
            <button type="button" className="button" data-testid="pam-approve" disabled={actions.busy === 'approve' || pam.status !== 'borrador'} onClick={() => step('approve', (tk) => advancePam(pam.id, 'approve', tk))}>
              {t('pam.approve')}
            </button>
            <button type="button" className="button button--primary" data-testid="pam-publish" disabled={actions.busy === 'publish'} onClick={() => step('publish', (tk) => advancePam(pam.id, 'publish', tk))}>
              {t('pam.publish')}
            </button>
          </div>
        )}
        <p className="field__hint">{t(`pam.stepHint.${pam.status}`)}</p>
        <ActionError message={actions.errorOf('approve') ?? actions.errorOf('publish')} />
        {pam.status === 'publicado' && (
          <Link href={`/publico/pam/${encodeURIComponent(pam.id)}`} className="button button--primary" data-testid="public-link">
            {t('pam.publicLink')}
          </Link>
        )}
      </CardSection>
      <CardSection titleId="pam-exports-title" title={t('pam.exports')}>
        <PamExports pamId={pam.id} />
      </CardSection>
    </div>
  );
}
