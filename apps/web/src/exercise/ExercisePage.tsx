import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { getExercise } from '../api/exercises';
import { can, type Role } from '../session/permissions';
import { RequireRole } from '../session/RequireRole';
import { LoadErrorCard } from '../ui/LoadErrorCard';
import { LoadingStatus } from '../ui/LoadingStatus';
import { PageLayout } from '../ui/PageLayout';
import { useAction } from '../ui/useAction';
import { useLoad } from '../ui/useLoad';
import { AwarenessSection } from './AwarenessSection';
import { ArranqueSection } from './ArranqueSection';
import { EvaluationSection } from './EvaluationSection';
import { ExerciseContext, type ExerciseScope } from './ExerciseContext';
import { ExerciseHeader } from './ExerciseHeader';
import { ExerciseTabs } from './ExerciseTabs';
import { MembersSection } from './MembersSection';
import { MesasSection } from './MesasSection';
import { OverviewSection } from './OverviewSection';
import { PhaseStrip } from './PhaseTimeline';
import { PHASE_SECTION } from './phaseState';
import { PlanSection } from './PlanSection';
import { sectionHref, sectionOf, type ExerciseSection } from './sections';
import { StmSection } from './StmSection';
import { TrackingSection } from './TrackingSection';
import './exercise.css';

/** `/ejercicios/:id[/:section]`: one exercise of Gobierno Abierto, run by staff and read by the STM. */
export function ExercisePage({ exerciseId, section }: { exerciseId: string; section?: string }) {
  return <RequireRole allow={can.seeExercises}>{(account) => <ExerciseLoader exerciseId={exerciseId} section={sectionOf(section)} role={account.role} />}</RequireRole>;
}

const SECTION: Record<ExerciseSection, () => React.JSX.Element> = {
  resumen: OverviewSection,
  arranque: ArranqueSection,
  sensibilizacion: AwarenessSection,
  integrantes: MembersSection,
  stm: StmSection,
  mesas: MesasSection,
  pam: PlanSection,
  seguimiento: TrackingSection,
  evaluacion: EvaluationSection,
};

function ExerciseLoader({ exerciseId, section, role }: { exerciseId: string; section: ExerciseSection; role: Role }) {
  const { t } = useTranslation();
  const fetcher = useCallback((signal: AbortSignal) => getExercise(exerciseId, signal), [exerciseId]);
  // Several people run an exercise: refresh what others recorded now and then.
  const loader = useLoad(exerciseId, fetcher, 30_000);
  const actions = useAction();
  const { state, reload } = loader;
  const scope = useMemo<ExerciseScope | null>(
    () => (state.phase === 'ready' ? { view: state.data, role, manage: can.manageExercises(role), reload, actions } : null),
    [state, role, reload, actions],
  );
  const Section = SECTION[section];
  return (
    <PageLayout mainClassName="doc doc--wide">
      <Link href="/ejercicios" className="back-link">
        ← {t('exercise.backToList')}
      </Link>
      {state.phase === 'loading' && <LoadingStatus label={t('exercise.loadingOne')} />}
      {state.phase === 'error' && <LoadErrorCard error={state.error} notFoundMessage={t('exercise.notFound')} onRetry={reload} />}
      {scope && (
        <ExerciseContext.Provider value={scope}>
          <div className="stack-lg exercise" data-testid="exercise-page" data-section={section}>
            <ExerciseHeader />
            {section !== 'resumen' && (
              <PhaseStrip phases={scope.view.overview.phases} stage={scope.view.overview.stage} hrefOf={(p) => sectionHref(exerciseId, PHASE_SECTION[p.phase])} />
            )}
            <ExerciseTabs exerciseId={exerciseId} current={section} />
            <Section />
          </div>
        </ExerciseContext.Provider>
      )}
    </PageLayout>
  );
}
