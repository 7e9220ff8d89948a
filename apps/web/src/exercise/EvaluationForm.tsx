import { OGP_COMPLETION_LEVELS, OPENED_GOVERNMENT, POTENTIAL_FOR_RESULTS, type ActionPlan } from '@cocrea/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { recordEvaluation } from '../api/exercises';
import { Field } from '../ui/Field';
import { useExercise } from './ExerciseContext';
import { Refusal } from './Refusal';
import { blankEvaluation, evaluationInput, type EvaluationDraft, type EvaluationDraftRow } from './reviewDrafts';

type Question = 'verifiable' | 'potentialForResults' | 'completion' | 'openedGovernment';

/** The options of each of the IRM's questions, with the i18n key of each label. */
const OPTIONS: Record<Question, { value: string; key: string }[]> = {
  verifiable: [
    { value: 'si', key: 'exercise.eval.yes' },
    { value: 'no', key: 'exercise.eval.no' },
  ],
  potentialForResults: POTENTIAL_FOR_RESULTS.map((v) => ({ value: v, key: `exercise.eval.values.${v}` })),
  completion: OGP_COMPLETION_LEVELS.map((v) => ({ value: v, key: `micrositio.level.${v}` })),
  openedGovernment: OPENED_GOVERNMENT.map((v) => ({ value: v, key: `exercise.eval.values.${v}` })),
};

const LABEL: Record<Question, string> = {
  verifiable: 'exercise.eval.verifiable',
  potentialForResults: 'exercise.eval.potential',
  completion: 'exercise.eval.completion',
  openedGovernment: 'exercise.eval.opened',
};

/**
 * The final evaluation, once the PAM's year is over: per commitment the IRM's questions (is it
 * verifiable, potential for results, completion, did it open government), each with reasons. The
 * tracking's level is shown beside completion; a different judgement is allowed and explained.
 */
export function EvaluationForm({ pam, launchDate }: { pam: ActionPlan; launchDate: string }) {
  const { t } = useTranslation();
  const { view, actions, reload } = useExercise();
  const titles = new Map(view.commitments.map((v) => [v.content.commitment.id, v.content.commitment.title]));
  const computed = new Map(view.progress?.commitments.map((c) => [c.commitmentId, c.level]) ?? []);
  const [draft, setDraft] = useState<EvaluationDraft>(() => blankEvaluation(launchDate, view.today, pam.entries.map((e) => e.commitmentId)));
  const set = (i: number, q: Question, patch: Partial<EvaluationDraftRow[Question]>) =>
    setDraft((d) => ({ ...d, rows: d.rows.map((r, j) => (j === i ? { ...r, [q]: { ...r[q], ...patch } } : r)) }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void actions.run('evaluation', () => recordEvaluation(pam.id, evaluationInput(draft))).then((r) => r && reload());
  };
  return (
    <form className="stack" onSubmit={submit} noValidate data-testid="evaluation-form">
      <div className="fields-2">
        <Field label={t('exercise.eval.date')}>
          <input type="date" value={draft.date} max={view.today} onChange={(e) => setDraft((d) => ({ ...d, date: e.target.value }))} data-testid="evaluation-date" />
        </Field>
        <Field label={t('exercise.eval.conductedBy')}>
          <input value={draft.conductedBy} maxLength={300} onChange={(e) => setDraft((d) => ({ ...d, conductedBy: e.target.value }))} />
        </Field>
      </div>
      <Field label={t('exercise.eval.summary')} optional>
        <textarea rows={3} maxLength={8000} data-testid="evaluation-summary" value={draft.summary} onChange={(e) => setDraft((d) => ({ ...d, summary: e.target.value }))} />
      </Field>
      {draft.rows.map((row, i) => (
        <details key={row.commitmentId} className="disclosure review-draft" open={i === 0} data-testid="evaluation-row" data-commitment-id={row.commitmentId}>
          <summary>{titles.get(row.commitmentId) ?? row.commitmentId}</summary>
          {(Object.keys(OPTIONS) as Question[]).map((q) => (
            <div key={q} className="verdict-row">
              <Field label={t(LABEL[q])} hint={q === 'completion' && computed.has(row.commitmentId) ? t('exercise.eval.trackingSays', { level: t(`micrositio.level.${computed.get(row.commitmentId) ?? 'no_iniciado'}`) }) : undefined}>
                <select data-testid={`evaluation-${q}`} value={row[q].value} onChange={(e) => set(i, q, { value: e.target.value })}>
                  <option value="">{t('exercise.eval.pick')}</option>
                  {OPTIONS[q].map((o) => (
                    <option key={o.value} value={o.value}>
                      {t(o.key)}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label={t('exercise.eval.reasonsFor', { what: t(LABEL[q]) })} hideLabel>
                <input data-testid={`evaluation-${q}-reasons`} placeholder={t('exercise.eval.reasons')} value={row[q].reasons} onChange={(e) => set(i, q, { reasons: e.target.value })} />
              </Field>
            </div>
          ))}
        </details>
      ))}
      <div className="action-row">
        <button type="submit" className="button button--primary" disabled={actions.busy !== null} data-testid="evaluation-submit">
          {t('exercise.eval.recordEvaluation')}
        </button>
      </div>
      <Refusal source="evaluation" />
    </form>
  );
}
