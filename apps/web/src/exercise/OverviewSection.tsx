import { useTranslation } from 'react-i18next';
import { CardSection } from '../ui/CardSection';
import { ProgressBar } from '../micrositio/ProgressBar';
import { useExercise } from './ExerciseContext';
import { PhaseTimeline } from './PhaseTimeline';
import { PHASE_SECTION } from './phaseState';
import { RemindersList } from './RemindersList';
import { ScheduleForm } from './ScheduleForm';
import { sectionHref } from './sections';

/** The overview: where the exercise stands, what each phase lacks, figures, and the reminders. */
export function OverviewSection() {
  const { t } = useTranslation();
  const { view, manage } = useExercise();
  const { exercise: e, overview, pam, progress, members, mesas } = view;
  return (
    <>
      <CardSection titleId="phases-title" title={t('exercise.phase.title')}>
        <PhaseTimeline phases={overview.phases} stage={overview.stage} hrefOf={(p) => sectionHref(e.id, PHASE_SECTION[p.phase])} />
      </CardSection>
      <div className="exercise-grid">
        <CardSection titleId="figures-title" title={t('exercise.figures.title')}>
          <dl className="figures" data-testid="exercise-figures">
            <div>
              <dt>{t('exercise.figures.members')}</dt>
              <dd>{members.length}</dd>
            </div>
            <div>
              <dt>{t('exercise.figures.events')}</dt>
              <dd>{e.awarenessEvents.length}</dd>
            </div>
            <div>
              <dt>{t('exercise.figures.mesas')}</dt>
              <dd>{mesas.length}</dd>
            </div>
            <div>
              <dt>{t('exercise.figures.pam')}</dt>
              <dd>{pam ? t(`pamStatus.${pam.status}`) : t('exercise.figures.noPam')}</dd>
            </div>
          </dl>
          {pam?.status === 'publicado' && progress && (
            <div className="stack-sm">
              <span className="field__label">{t('exercise.figures.progress')}</span>
              <ProgressBar value={progress.progress} level={progress.level} label={t('exercise.figures.progress')} testId="plan-progress" />
            </div>
          )}
        </CardSection>
        <CardSection titleId="reminders-title" title={t('exercise.reminders.title')}>
          <RemindersList reminders={view.reminders} />
        </CardSection>
      </div>
      {manage && (
        <CardSection titleId="schedule-title" title={t('exercise.schedule.title')}>
          <details className="disclosure">
            <summary>{t('exercise.schedule.edit')}</summary>
            <ScheduleForm />
          </details>
        </CardSection>
      )}
    </>
  );
}
