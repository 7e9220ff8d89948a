import { evaluationOpenDate, sixMonthMark } from '@cocrea/domain';
import { useTranslation } from 'react-i18next';
import { EvaluationResults, MonitoringResults } from '../micrositio/ReviewResults';
import { CardSection } from '../ui/CardSection';
import { useFormats } from '../ui/useFormats';
import { EvaluationForm } from './EvaluationForm';
import { useExercise } from './ExerciseContext';
import { MonitoringForm } from './MonitoringForm';
import { RemindersList } from './RemindersList';

/** Monitoring at six months and the final evaluation, with their reminders: what was recorded, or the form once it is due. */
export function EvaluationSection() {
  const { t } = useTranslation();
  const f = useFormats();
  const { view, manage } = useExercise();
  const { pam, monitoring, evaluation } = view;
  if (!pam || pam.status !== 'publicado' || !pam.launchDate) {
    return (
      <section className="card">
        <p className="muted">{t('exercise.eval.notYet')}</p>
      </section>
    );
  }
  const titles = new Map(view.commitments.map((v) => [v.content.commitment.id, v.content.commitment.title]));
  const mark = sixMonthMark(pam.launchDate);
  const opens = evaluationOpenDate(pam.launchDate);
  return (
    <>
      <CardSection titleId="eval-reminders-title" title={t('exercise.reminders.title')}>
        <RemindersList reminders={view.reminders} />
      </CardSection>
      <CardSection titleId="monitoring-title" title={t('micrositio.results.monitoringTitle')}>
        {monitoring ? (
          <MonitoringResults monitoring={monitoring} titles={titles} />
        ) : view.today < mark ? (
          <p className="muted">{t('exercise.eval.monitoringFrom', { date: f.day(mark) })}</p>
        ) : manage ? (
          <MonitoringForm pam={pam} launchDate={pam.launchDate} />
        ) : (
          <p className="muted">{t('exercise.eval.monitoringPending')}</p>
        )}
      </CardSection>
      <CardSection titleId="evaluation-title" title={t('micrositio.results.evaluationTitle')}>
        {evaluation ? (
          <EvaluationResults evaluation={evaluation} titles={titles} discrepancies={view.discrepancies} />
        ) : view.today < opens ? (
          <p className="muted" data-testid="evaluation-not-yet">
            {t('exercise.eval.evaluationFrom', { date: f.day(opens) })}
          </p>
        ) : manage ? (
          <EvaluationForm pam={pam} launchDate={pam.launchDate} />
        ) : (
          <p className="muted">{t('exercise.eval.evaluationPending')}</p>
        )}
      </CardSection>
    </>
  );
}
