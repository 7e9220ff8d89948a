import { QUALITY_CRITERIA, SCHEDULE_ASSESSMENTS, VALUE_CRITERIA, VERDICTS, type ActionPlan } from '@cocrea/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { recordMonitoring } from '../api/exercises';
import { Field } from '../ui/Field';
import { useExercise } from './ExerciseContext';
import { Refusal } from './Refusal';
import { blankMonitoring, monitoringInput, type MonitoringDraft, type MonitoringDraftRow } from './reviewDrafts';

/**
 * The Infoem's six-month monitoring: the cut-off date, and per commitment its quality (the guide's
 * qualities), its relevance (the open-government values), the schedule and recommendations, each
 * judgement with its reasons. The progress at the cut-off date is taken from the tracking.
 */
export function MonitoringForm({ pam, launchDate }: { pam: ActionPlan; launchDate: string }) {
  const { t } = useTranslation();
  const { view, actions, reload } = useExercise();
  const titles = new Map(view.commitments.map((v) => [v.content.commitment.id, v.content.commitment.title]));
  const [draft, setDraft] = useState<MonitoringDraft>(() => blankMonitoring(launchDate, view.today, pam.entries.map((e) => e.commitmentId)));
  const setRow = (i: number, patch: Partial<MonitoringDraftRow>) => setDraft((d) => ({ ...d, rows: d.rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void actions.run('monitoring', () => recordMonitoring(pam.id, monitoringInput(draft))).then((r) => r && reload());
  };
  return (
    <form className="stack" onSubmit={submit} noValidate data-testid="monitoring-form">
      <div className="fields-2">
        <Field label={t('exercise.eval.cutoff')} hint={t('exercise.eval.cutoffHint')}>
          <input type="date" value={draft.cutoffDate} max={view.today} onChange={(e) => setDraft((d) => ({ ...d, cutoffDate: e.target.value }))} data-testid="monitoring-cutoff" />
        </Field>
        <Field label={t('exercise.eval.conductedBy')}>
          <input value={draft.conductedBy} maxLength={300} onChange={(e) => setDraft((d) => ({ ...d, conductedBy: e.target.value }))} />
        </Field>
      </div>
      {draft.rows.map((row, i) => (
        <details key={row.commitmentId} className="disclosure review-draft" open={i === 0} data-testid="monitoring-row" data-commitment-id={row.commitmentId}>
          <summary>{titles.get(row.commitmentId) ?? row.commitmentId}</summary>
          {(['quality', 'relevance'] as const).map((group) => (
            <fieldset key={group} className="criteria-group">
              <legend>{t(`exercise.eval.${group}`)}</legend>
              {(group === 'quality' ? QUALITY_CRITERIA : VALUE_CRITERIA).map((c) => (
                <div key={c} className="verdict-row">
                  <Field label={t(`criteria.${c}`)}>
                    <select
                      data-testid={`monitoring-${c}`}
                      value={row.criteria[c]?.verdict ?? ''}
                      onChange={(e) => setRow(i, { criteria: { ...row.criteria, [c]: { verdict: e.target.value, reasons: row.criteria[c]?.reasons ?? '' } } })}
                    >
                      <option value="">{t('exercise.eval.pick')}</option>
                      {VERDICTS.map((v) => (
                        <option key={v} value={v}>
                          {t(`verdict.${v}`)}
                        </option>
                      ))}
                    </select>
                  </Field>
                  <Field label={t('exercise.eval.reasonsFor', { what: t(`criteria.${c}`) })} hideLabel>
                    <input
                      data-testid={`monitoring-${c}-reasons`}
                      placeholder={t('exercise.eval.reasons')}
                      value={row.criteria[c]?.reasons ?? ''}
                      onChange={(e) => setRow(i, { criteria: { ...row.criteria, [c]: { verdict: row.criteria[c]?.verdict ?? '', reasons: e.target.value } } })}
                    />
                  </Field>
                </div>
              ))}
            </fieldset>
          ))}
          <div className="verdict-row">
            <Field label={t('micrositio.results.schedule')}>
              <select data-testid="monitoring-schedule" value={row.schedule.value} onChange={(e) => setRow(i, { schedule: { ...row.schedule, value: e.target.value } })}>
                <option value="">{t('exercise.eval.pick')}</option>
                {SCHEDULE_ASSESSMENTS.map((v) => (
                  <option key={v} value={v}>
                    {t(`exercise.eval.values.${v}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('exercise.eval.reasonsFor', { what: t('micrositio.results.schedule') })} hideLabel>
              <input data-testid="monitoring-schedule-reasons" placeholder={t('exercise.eval.reasons')} value={row.schedule.reasons} onChange={(e) => setRow(i, { schedule: { ...row.schedule, reasons: e.target.value } })} />
            </Field>
          </div>
          <Field label={t('micrositio.results.recommendations')} optional>
            <textarea rows={2} data-testid="monitoring-recommendations" value={row.recommendations} maxLength={4000} onChange={(e) => setRow(i, { recommendations: e.target.value })} />
          </Field>
        </details>
      ))}
      <div className="action-row">
        <button type="submit" className="button button--primary" disabled={actions.busy !== null} data-testid="monitoring-submit">
          {t('exercise.eval.recordMonitoring')}
        </button>
      </div>
      <Refusal source="monitoring" />
    </form>
  );
}
