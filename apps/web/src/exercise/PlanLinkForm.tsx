import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { linkPlan } from '../api/exercises';
import { listPams } from '../api/pams';
import { Field } from '../ui/Field';
import { useLoad } from '../ui/useLoad';
import { useExercise } from './ExerciseContext';
import { Refusal } from './Refusal';

const norm = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase('es-MX');

/** Gives the exercise its PAM: a draft of the same municipality, or a new one. */
export function PlanLinkForm() {
  const { t } = useTranslation();
  const { view, actions, reload } = useExercise();
  const pams = useLoad('pams', listPams);
  const [planId, setPlanId] = useState('');
  const [title, setTitle] = useState(t('exercise.plan.defaultTitle', { municipality: view.exercise.municipality }));
  const [launchDate, setLaunchDate] = useState('');
  const drafts = pams.state.phase === 'ready' ? pams.state.data.filter((p) => p.status === 'borrador' && norm(p.municipality) === norm(view.exercise.municipality)) : [];
  const run = (input: Parameters<typeof linkPlan>[1]) => void actions.run('plan-link', () => linkPlan(view.exercise.id, input)).then((r) => r && reload());
  const create = (e: FormEvent) => {
    e.preventDefault();
    run(launchDate ? { title, launchDate } : { title });
  };
  const link = (e: FormEvent) => {
    e.preventDefault();
    run({ planId });
  };
  return (
    <div className="stack">
      <form className="inline-form" onSubmit={create} noValidate data-testid="plan-create-form">
        <Field label={t('exercise.plan.newTitle')}>
          <input value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} data-testid="plan-title" />
        </Field>
        <Field label={t('pam.launch')} optional hint={t('pam.launchHint')}>
          <input type="date" value={launchDate} onChange={(e) => setLaunchDate(e.target.value)} data-testid="plan-launch" />
        </Field>
        <button type="submit" className="button button--primary" disabled={actions.busy !== null || !title.trim()} data-testid="plan-create">
          {t('exercise.plan.create')}
        </button>
      </form>
      {drafts.length > 0 && (
        <form className="inline-form" onSubmit={link} noValidate>
          <Field label={t('exercise.plan.existing')}>
            <select value={planId} onChange={(e) => setPlanId(e.target.value)} data-testid="plan-existing">
              <option value="">{t('exercise.plan.pick')}</option>
              {drafts.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </select>
          </Field>
          <button type="submit" className="button" disabled={!planId || actions.busy !== null} data-testid="plan-link">
            {t('exercise.plan.link')}
          </button>
        </form>
      )}
      <Refusal source="plan-link" />
    </div>
  );
}
