import type { DocumentRef, EventInput, ExerciseEvent } from '@cocrea/domain';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../ui/Field';
import { DocumentList } from './DocumentList';
import { useExercise } from './ExerciseContext';
import { Refusal } from './Refusal';

interface Props {
  event: ExerciseEvent | null;
  /** Prefix of the controls' `data-testid`s and the action's name. */
  testId: string;
  submitLabel: string;
  onSave: (input: EventInput) => Promise<unknown>;
  /** More fields (a sensibilización event's audience, attendance, who joined). */
  extra?: ReactNode;
  /** Called after a successful save (e.g. to clear a "new event" form). */
  onSaved?: () => void;
}

/** An event of the exercise: name, date, place, description and its evidence (files or links). */
export function EventForm({ event, testId, submitLabel, onSave, extra, onSaved }: Props) {
  const { t } = useTranslation();
  const { view, manage, actions, reload } = useExercise();
  const [title, setTitle] = useState(event?.title ?? '');
  const [date, setDate] = useState(event?.date ?? '');
  const [place, setPlace] = useState(event?.place ?? '');
  const [description, setDescription] = useState(event?.description ?? '');
  const [evidence, setEvidence] = useState<DocumentRef[]>(event?.evidence ?? []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void actions.run(testId, () => onSave({ title, date, place, description, evidence })).then((r) => {
      if (r === undefined) return;
      reload();
      onSaved?.();
    });
  };
  return (
    <form className="stack" onSubmit={submit} noValidate data-testid={`${testId}-form`}>
      <fieldset className="stack plain-fieldset" disabled={!manage}>
        <div className="fields-2">
          <Field label={t('exercise.event.title')}>
            <input value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} data-testid={`${testId}-title`} />
          </Field>
          <Field label={t('exercise.event.date')}>
            <input type="date" value={date} onChange={(e) => setDate(e.target.value)} data-testid={`${testId}-date`} />
          </Field>
        </div>
        <Field label={t('exercise.event.place')} optional>
          <input value={place} maxLength={200} onChange={(e) => setPlace(e.target.value)} data-testid={`${testId}-place`} />
        </Field>
        <Field label={t('exercise.event.description')} optional>
          <textarea rows={2} value={description} maxLength={4000} onChange={(e) => setDescription(e.target.value)} data-testid={`${testId}-description`} />
        </Field>
        {extra}
        <DocumentList exerciseId={view.exercise.id} docs={evidence} onChange={setEvidence} testId={`${testId}-evidence`} label={t('exercise.event.evidence')} disabled={!manage} />
      </fieldset>
      {manage && (
        <div className="action-row">
          <button type="submit" className="button button--primary" disabled={actions.busy !== null} data-testid={`${testId}-save`}>
            {submitLabel}
          </button>
        </div>
      )}
      <Refusal source={testId} />
    </form>
  );
}
