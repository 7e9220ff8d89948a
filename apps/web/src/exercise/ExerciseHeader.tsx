import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { publishMicrositio } from '../api/exercises';
import { ActionError } from '../ui/ActionError';
import { useFormats } from '../ui/useFormats';
import { useExercise } from './ExerciseContext';

/** The exercise's title, municipality and period, and its public micrositio (publish it, or open it). */
export function ExerciseHeader() {
  const { t } = useTranslation();
  const f = useFormats();
  const { view, manage, actions, reload } = useExercise();
  const e = view.exercise;
  const publish = () => {
    void actions.run('micrositio', () => publishMicrositio(e.id)).then((r) => r && reload());
  };
  return (
    <header className="card stack exercise-header">
      <p className="eyebrow">{t('exercise.eyebrow', { municipality: e.municipality })}</p>
      <h1 className="commitment-header__title" data-testid="exercise-title">
        {e.title}
      </h1>
      <p className="muted">{t('exercise.period', { from: f.day(e.period.startDate), to: f.day(e.period.endDate) })}</p>
      <div className="row exercise-header__micrositio">
        {e.published ? (
          <>
            <span className="badge badge--publicado">{t('exercise.micrositio.published')}</span>
            <Link href={`/micrositio/${encodeURIComponent(e.id)}`} className="button button--small" data-testid="micrositio-link">
              {t('exercise.micrositio.open')}
            </Link>
          </>
        ) : (
          <>
            <span className="badge">{t('exercise.micrositio.unpublished')}</span>
            {manage && (
              <button type="button" className="button button--small button--primary" data-testid="micrositio-publish" disabled={actions.busy !== null} onClick={publish}>
                {t('exercise.micrositio.publish')}
              </button>
            )}
          </>
        )}
      </div>
      <ActionError message={actions.errorOf('micrositio')} />
      {manage &&
        view.reminders
          .filter((r) => r.status === 'por_vencer' || r.status === 'vencida')
          .map((r) => (
            <p key={r.kind} className={`reminder-banner reminder-banner--${r.status}`} role="status" data-testid="reminder-banner" data-kind={r.kind} data-status={r.status}>
              <strong>{t(`exercise.reminders.status.${r.status}`)}:</strong> {r.message}{' '}
              <Link href={`/ejercicios/${encodeURIComponent(e.id)}/evaluacion`}>{t('exercise.reminders.go')}</Link>
            </p>
          ))}
    </header>
  );
}
