import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { EXERCISE_SECTIONS, sectionHref, type ExerciseSection } from './sections';

/** The sections of an exercise as tabs; they scroll sideways on a phone rather than wrap into a wall. */
export function ExerciseTabs({ exerciseId, current }: { exerciseId: string; current: ExerciseSection }) {
  const { t } = useTranslation();
  return (
    <nav className="tabs tabs--scroll" aria-label={t('exercise.sectionsLabel')}>
      {EXERCISE_SECTIONS.map((s) => (
        <Link key={s} href={sectionHref(exerciseId, s)} className="tabs__link" aria-current={s === current ? 'page' : undefined} data-testid={`exercise-tab-${s}`}>
          {t(`exercise.sections.${s}`)}
        </Link>
      ))}
    </nav>
  );
}
