import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { advancePam, updatePam } from '../api/pams';
import { savePlanLaunchEvent } from '../api/exercises';
import { PamHeader } from '../pam/PamHeader';
import { PamLaunchDate } from '../pam/PamLaunchDate';
import { CardSection } from '../ui/CardSection';
import { ApprovalsPanel } from './ApprovalsPanel';
import { EventForm } from './EventForm';
import { useExercise } from './ExerciseContext';
import { GapList } from './GapList';
import { PlanLinkForm } from './PlanLinkForm';
import { Refusal } from './Refusal';
import { SectionGaps } from './SectionGaps';

/**
 * Phase 5, *lanzamiento del PAM*: the exercise's PAM and its commitments, the STM's approval
 * sector by sector, what publishing still needs, publishing it, and its public launch event.
 */
export function PlanSection() {
  const { t } = useTranslation();
  const { view, manage, actions, reload } = useExercise();
  const pam = view.pam;
  if (!pam) {
    return (
      <>
        <SectionGaps phase="lanzamiento_pam" />
        <CardSection titleId="plan-title" title={t('exercise.plan.title')}>
          <p className="muted">{t('exercise.plan.none')}</p>
          {manage && <PlanLinkForm />}
        </CardSection>
      </>
    );
  }
  const publish = () => void actions.run('publish', () => advancePam(pam.id, 'publish')).then((r) => r && reload());
  const titles = new Map(view.commitments.map((v) => [v.content.commitment.id, v.content.commitment.title]));
  return (
    <>
      <SectionGaps phase="lanzamiento_pam" />
      <PamHeader pam={pam} />
      <CardSection titleId="plan-entries-title" title={t('pam.entriesTitle')}>
        {pam.entries.length === 0 ? (
          <p className="muted">{t('pam.noEntries')}</p>
        ) : (
          <ol className="plain-list" data-testid="plan-entries">
            {pam.entries.map((e) => (
              <li key={e.commitmentId}>
                {titles.get(e.commitmentId) ?? e.commitmentId} <span className="muted">· {t('versions.label', { version: e.version })}</span>
              </li>
            ))}
          </ol>
        )}
        <Link href={`/pam/${encodeURIComponent(pam.id)}`} className="button button--small" data-testid="plan-manage">
          {manage && pam.status === 'borrador' ? t('exercise.plan.manageEntries') : t('exercise.plan.openPam')}
        </Link>
      </CardSection>
      <CardSection titleId="approvals-title" title={t('exercise.approvals.title')}>
        <p className="muted small">{t('exercise.approvals.intro')}</p>
        <ApprovalsPanel pam={pam} />
      </CardSection>
      {pam.status !== 'publicado' && (
        <CardSection titleId="publish-title" title={t('exercise.plan.publishTitle')}>
          {manage && (
            <PamLaunchDate
              key={pam.launchDate ?? ''}
              pam={pam}
              busy={actions.busy === 'launch'}
              error={actions.errorOf('launch')}
              onSave={(d) => void actions.run('launch', () => updatePam(pam.id, { launchDate: d })).then((r) => r && reload())}
            />
          )}
          <h3 className="subhead">{t('exercise.plan.missingTitle')}</h3>
          <GapList gaps={view.publicationGaps} testId="publication-gaps" done={t('exercise.plan.ready')} />
          {manage && (
            <div className="action-row">
              <button type="button" className="button button--primary" disabled={actions.busy !== null} onClick={publish} data-testid="plan-publish">
                {t('exercise.plan.publish')}
              </button>
            </div>
          )}
          <Refusal source="publish" />
        </CardSection>
      )}
      <CardSection titleId="launch-event-title" title={t('exercise.plan.launchEvent')}>
        <p className="muted small">{t('exercise.plan.launchEventIntro')}</p>
        <EventForm
          key={view.exercise.planLaunchEvent?.id ?? 'new'}
          event={view.exercise.planLaunchEvent}
          testId="launch-event"
          submitLabel={t('exercise.plan.saveLaunchEvent')}
          onSave={(input) => savePlanLaunchEvent(view.exercise.id, input)}
        />
      </CardSection>
    </>
  );
}
