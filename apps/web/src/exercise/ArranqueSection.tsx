import { useTranslation } from 'react-i18next';
import { saveLaunchForum } from '../api/exercises';
import { CardSection } from '../ui/CardSection';
import { DeclarationForm } from './DeclarationForm';
import { EventForm } from './EventForm';
import { useExercise } from './ExerciseContext';
import { SectionGaps } from './SectionGaps';

/** Phase 1, *arranque*: the Declaración Conjunta with its signatories, and the launch forum. */
export function ArranqueSection() {
  const { t } = useTranslation();
  const { view } = useExercise();
  const forum = view.exercise.launchForum;
  return (
    <>
      <SectionGaps phase="arranque" />
      <CardSection titleId="declaration-title" title={t('exercise.declaration.title')}>
        <DeclarationForm />
      </CardSection>
      <CardSection titleId="forum-title" title={t('exercise.forum.title')}>
        <p className="muted small">{t('exercise.forum.intro')}</p>
        <EventForm
          key={forum?.id ?? 'new'}
          event={forum}
          testId="forum"
          submitLabel={t('exercise.forum.save')}
          onSave={(input) => saveLaunchForum(view.exercise.id, input)}
        />
      </CardSection>
    </>
  );
}
