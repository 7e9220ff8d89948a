import type { ActionPlan } from '@cocrea/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { listExercises } from '../api/exercises';
import { addPamEntry, advancePam, removePamEntry, updatePam, type PlanDetail } from '../api/pams';
import { can, type Role } from '../session/permissions';
import { ActionError } from '../ui/ActionError';
import { CardSection } from '../ui/CardSection';
import { useAction } from '../ui/useAction';
import { useLoad, type Loader } from '../ui/useLoad';
import { PamAddCommitment } from './PamAddCommitment';
import { PamEntries } from './PamEntries';
import { PamExports } from './PamExports';
import { PamHeader } from './PamHeader';
import { PamLaunchDate } from './PamLaunchDate';

interface Props {
  detail: PlanDetail;
  loader: Loader<PlanDetail>;
  role: Role;
}

/**
 * One plan: its commitments, launch date, approval, publication and exports. Facilitators
 * change and publish it; the STM approves it; both see it.
 */
export function PamView({ detail, loader, role }: Props) {
  const { t } = useTranslation();
  const actions = useAction();
  const { pam, commitments } = detail;
  const included = new Set(pam.entries.map((e) => e.commitmentId));
  const edit = can.editPams(role);
  // A PAM of an exercise is approved by its STM, sector by sector, on the exercise's page.
  const exercises = useLoad(can.seeExercises(role) ? 'exercises' : 'no-exercises', (signal) => (can.seeExercises(role) ? listExercises(signal) : Promise.resolve([])));
  const exercise = exercises.state.phase === 'ready' ? exercises.state.data.find((e) => e.planId === pam.id) : undefined;
  const approve = can.approvePam(role) && exercises.state.phase === 'ready' && !exercise;

  const step = (source: string, fn: () => Promise<ActionPlan>) => {
    void actions.run(source, fn).then((next) => {
      if (!next) return;
      loader.set({ ...detail, pam: next });
      loader.reload();
    });
  };

  return (
    <div className="stack-lg">
      <PamHeader pam={pam} />
      <CardSection titleId="pam-entries-title" title={t('pam.entriesTitle')}>
        <PamEntries pam={pam} commitments={commitments} busy={actions.busy !== null} onRemove={edit ? (id) => step('remove', () => removePamEntry(pam.id, id)) : undefined} />
        <ActionError message={actions.errorOf('remove')} />
        {edit && pam.status === 'borrador' && (
          <PamAddCommitment included={included} busy={actions.busy === 'add'} error={actions.errorOf('add')} onAdd={(id) => step('add', () => addPamEntry(pam.id, id))} />
        )}
      </CardSection>
      <CardSection titleId="pam-steps-title" title={t('pam.stepsTitle')}>
        {edit && pam.status !== 'publicado' && (
          <PamLaunchDate key={pam.launchDate ?? ''} pam={pam} busy={actions.busy === 'launch'} error={actions.errorOf('launch')} onSave={(d) => step('launch', () => updatePam(pam.id, { launchDate: d }))} />
        )}
        {pam.status !== 'publicado' && (approve || edit) && (
          <div className="action-row">
            {approve && (
              <button type="button" className="button" data-testid="pam-approve" disabled={actions.busy === 'approve' || pam.status !== 'borrador'} onClick={() => step('approve', () => advancePam(pam.id, 'approve'))}>
                {t('pam.approve')}
              </button>
            )}
            {edit && (
              <button type="button" className="button button--primary" data-testid="pam-publish" disabled={actions.busy === 'publish'} onClick={() => step('publish', () => advancePam(pam.id, 'publish'))}>
                {t('pam.publish')}
              </button>
            )}
          </div>
        )}
        {exercise && pam.status !== 'publicado' && (
          <p className="notice" data-testid="pam-exercise-approvals">
            {t('exercise.plan.approvedByStm')}{' '}
            <Link href={`/ejercicios/${encodeURIComponent(exercise.id)}/pam`}>{t('exercise.plan.goToApprovals', { title: exercise.title })}</Link>
          </p>
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
