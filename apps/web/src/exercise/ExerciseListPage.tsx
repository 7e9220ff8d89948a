import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { listExercises } from '../api/exercises';
import { can } from '../session/permissions';
import { RequireRole } from '../session/RequireRole';
import { CardSection } from '../ui/CardSection';
import { LoadErrorAlert } from '../ui/LoadErrorAlert';
import { PageHero } from '../ui/PageHero';
import { PageLayout } from '../ui/PageLayout';
import { useFormats } from '../ui/useFormats';
import { useLoad } from '../ui/useLoad';
import { CreateExerciseForm } from './CreateExerciseForm';
import './exercise.css';

/** `/ejercicios`: the municipalities' exercises of Gobierno Abierto (staff start one; the STM reads them). */
export function ExerciseListPage() {
  return <RequireRole allow={can.seeExercises}>{(account) => <ExerciseList manage={can.manageExercises(account.role)} />}</RequireRole>;
}

function ExerciseList({ manage }: { manage: boolean }) {
  const { t } = useTranslation();
  const f = useFormats();
  const loader = useLoad('exercises', listExercises);
  const { state } = loader;
  return (
    <PageLayout mainClassName="home">
      <PageHero eyebrow={t('exercise.listEyebrow')} title={t('exercise.listTitle')} intro={t('exercise.listIntro')} />
      <div className={manage ? 'home__grid' : 'home__single'}>
        {manage && <CreateExerciseForm />}
        <CardSection titleId="exercise-list-title" title={t('exercise.listHeading')}>
          {state.phase === 'loading' && <p className="muted">{t('exercise.loading')}</p>}
          {state.phase === 'error' && <LoadErrorAlert error={state.error} onRetry={loader.reload} />}
          {state.phase === 'ready' && state.data.length === 0 && <p className="muted">{t('exercise.empty')}</p>}
          {state.phase === 'ready' && state.data.length > 0 && (
            <ul className="item-list">
              {state.data.map((e) => (
                <li key={e.id}>
                  <Link href={`/ejercicios/${encodeURIComponent(e.id)}`} className="item-link" data-testid="exercise-item" data-id={e.id}>
                    <span className="item-link__title">{e.title}</span>
                    <span className="item-link__meta">
                      <span className="chip">{e.municipality}</span>
                      <span className="muted">{t('exercise.period', { from: f.day(e.period.startDate), to: f.day(e.period.endDate) })}</span>
                      {e.published && <span className="badge badge--publicado">{t('exercise.micrositio.published')}</span>}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </CardSection>
      </div>
    </PageLayout>
  );
}
