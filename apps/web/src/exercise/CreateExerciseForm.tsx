import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { createExercise } from '../api/exercises';
import { ActionError } from '../ui/ActionError';
import { CardSection } from '../ui/CardSection';
import { Field } from '../ui/Field';
import { useAction } from '../ui/useAction';

/** Starts a municipality's exercise: municipality, title and period (from the declaration to the final evaluation). */
export function CreateExerciseForm() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const actions = useAction();
  const [municipality, setMunicipality] = useState('');
  const [title, setTitle] = useState('');
  const [startDate, setStartDate] = useState('');
  const [endDate, setEndDate] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const name = title.trim() || t('exercise.create.defaultTitle', { municipality: municipality.trim() });
    void actions.run('create', () => createExercise({ municipality, title: name, period: { startDate, endDate } })).then((x) => x && navigate(`/ejercicios/${encodeURIComponent(x.id)}`));
  };
  return (
    <CardSection titleId="exercise-create-title" title={t('exercise.create.title')}>
      <form className="stack" onSubmit={submit} noValidate>
        <Field label={t('exercise.create.municipality')}>
          <input value={municipality} maxLength={120} onChange={(e) => setMunicipality(e.target.value)} placeholder="Metepec" data-testid="exercise-municipality" />
        </Field>
        <Field label={t('exercise.create.name')} optional hint={t('exercise.create.nameHint')}>
          <input value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} data-testid="exercise-name" />
        </Field>
        <div className="fields-2">
          <Field label={t('exercise.create.start')}>
            <input type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} data-testid="exercise-start" />
          </Field>
          <Field label={t('exercise.create.end')}>
            <input type="date" value={endDate} onChange={(e) => setEndDate(e.target.value)} data-testid="exercise-end" />
          </Field>
        </div>
        <button type="submit" className="button button--primary" disabled={actions.busy !== null} data-testid="exercise-create">
          {t('exercise.create.submit')}
        </button>
        <ActionError message={actions.errorOf('create')} />
      </form>
    </CardSection>
  );
}
