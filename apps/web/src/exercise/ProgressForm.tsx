import type { ActivityTracking, ProgressUpdateInput } from '@cocrea/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { reportActivity } from '../api/exercises';
import { Field } from '../ui/Field';
import { DocumentPicker } from './DocumentPicker';
import { useExercise } from './ExerciseContext';
import { blankDraft, blankEvidence, draftHints, toUpdate, type EvidenceDraft, type ProgressDraft } from './progressDraft';
import { Refusal } from './Refusal';

interface Props {
  planId: string;
  commitmentId: string;
  activityId: string;
  tracking: ActivityTracking | null;
  /** The roadmap's *medios de verificación*: evidence names one of them. */
  means: readonly string[];
  testId: string;
}

/**
 * Reports on an activity: a new progress figure with its dated evidence (an uploaded file or a
 * link, naming one of the roadmap's means of verification) and a note — or a cancellation with
 * its reason. The form says what the rules ask for; the server decides, and its reasons show.
 */
export function ProgressForm({ planId, commitmentId, activityId, tracking, means, testId }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const { view, actions, reload } = useExercise();
  const current = tracking?.progress ?? 0;
  const [draft, setDraft] = useState<ProgressDraft>(() => blankDraft(current, view.today, means));
  const [round, setRound] = useState(0);
  const source = `progress-${commitmentId}-${activityId}`;
  const hints = draftHints(draft, current);
  const setEvidence = (i: number, patch: Partial<EvidenceDraft>) => setDraft((d) => ({ ...d, evidence: d.evidence.map((e, j) => (j === i ? { ...e, ...patch } : e)) }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void actions.run(source, () => reportActivity(planId, commitmentId, activityId, toUpdate(draft) as ProgressUpdateInput)).then((r) => {
      if (!r) return;
      setDraft(blankDraft(r.progress, view.today, means));
      setRound((x) => x + 1);
      reload();
    });
  };
  return (
    <form className="stack progress-form" onSubmit={submit} noValidate data-testid={`${testId}-form`}>
      <div className="segmented" role="radiogroup" aria-label={t('exercise.tracking.kind')}>
        {(['avance', 'cancelar'] as const).map((a) => (
          <label key={a} className="segmented__option">
            <input type="radio" name={`${id}-action`} checked={draft.action === a} onChange={() => setDraft((d) => ({ ...d, action: a }))} data-testid={`${testId}-action-${a}`} />
            <span>{t(`exercise.tracking.action.${a}`)}</span>
          </label>
        ))}
      </div>
      {draft.action === 'cancelar' ? (
        <Field label={t('exercise.tracking.reason')}>
          <textarea rows={2} maxLength={2000} value={draft.reason} onChange={(e) => setDraft((d) => ({ ...d, reason: e.target.value }))} data-testid={`${testId}-reason`} />
        </Field>
      ) : (
        <>
          <Field label={t('exercise.tracking.newProgress')} hint={t('exercise.tracking.progressHint', { current })}>
            <input
              type="number"
              min={current}
              max={100}
              step={1}
              inputMode="numeric"
              value={draft.progress}
              onChange={(e) => setDraft((d) => ({ ...d, progress: e.target.value }))}
              data-testid={`${testId}-progress`}
            />
          </Field>
          {draft.evidence.map((ev, i) => (
            <fieldset key={`${round}-${i}`} className="evidence-draft" data-testid={`${testId}-evidence`}>
              <legend>{t('exercise.tracking.evidenceN', { n: i + 1 })}</legend>
              <div className="fields-2">
                <Field label={t('exercise.tracking.evidenceDate')}>
                  <input type="date" value={ev.date} max={view.today} onChange={(e) => setEvidence(i, { date: e.target.value })} data-testid={`${testId}-evidence-date`} />
                </Field>
                <Field label={t('exercise.tracking.means')}>
                  <select value={ev.meansOfVerification} onChange={(e) => setEvidence(i, { meansOfVerification: e.target.value })} data-testid={`${testId}-evidence-means`}>
                    <option value="">{t('exercise.tracking.pickMeans')}</option>
                    {means.map((m) => (
                      <option key={m} value={m}>
                        {m}
                      </option>
                    ))}
                  </select>
                </Field>
              </div>
              <Field label={t('exercise.tracking.evidenceDescription')}>
                <input value={ev.description} maxLength={1000} onChange={(e) => setEvidence(i, { description: e.target.value })} data-testid={`${testId}-evidence-description`} />
              </Field>
              <DocumentPicker
                exerciseId={view.exercise.id}
                value={ev.document}
                onChange={(doc) => setEvidence(i, { document: doc })}
                testId={`${testId}-evidence-doc`}
                label={t('exercise.tracking.evidenceDoc')}
              />
            </fieldset>
          ))}
          <button type="button" className="button button--small button--quiet" onClick={() => setDraft((d) => ({ ...d, evidence: [...d.evidence, blankEvidence(view.today, means)] }))}>
            {t('exercise.tracking.addEvidence')}
          </button>
          <Field label={t('exercise.tracking.note')} optional>
            <textarea rows={2} maxLength={2000} value={draft.note} onChange={(e) => setDraft((d) => ({ ...d, note: e.target.value }))} data-testid={`${testId}-note`} />
          </Field>
          {hints.length > 0 && (
            <ul className="hints" data-testid={`${testId}-hints`}>
              {hints.map((h) => (
                <li key={h}>{t(`exercise.tracking.hint.${h}`)}</li>
              ))}
            </ul>
          )}
        </>
      )}
      <div className="action-row">
        <button type="submit" className={`button ${draft.action === 'cancelar' ? 'button--danger' : 'button--primary'}`} disabled={actions.busy !== null} data-testid={`${testId}-submit`}>
          {draft.action === 'cancelar' ? t('exercise.tracking.cancelSubmit') : t('exercise.tracking.submit')}
        </button>
      </div>
      <Refusal source={source} testId={`${testId}-refusal`} />
    </form>
  );
}
