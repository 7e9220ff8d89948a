import { DECISIONS, QUALITY_CRITERIA, VALUE_CRITERIA, type Commitment, type ReviewCriterion } from '@cocrea/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../ui/ActionError';
import { Field } from '../ui/Field';
import { CriterionField } from './CriterionField';
import { initialDraft, unanswered, type ReviewDraft } from './reviewDraft';

interface Props {
  commitment: Commitment;
  busy: boolean;
  onSubmit: (draft: ReviewDraft) => void;
  /** The server's refusal of the last submission, if any. */
  error: string | null;
}

/** The feasibility and viability review: ten criteria in two groups, a decision and notes. */
export function ReviewForm({ commitment, busy, onSubmit, error }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ReviewDraft>(() => initialDraft(commitment.review));
  const [tried, setTried] = useState(false);
  const open = unanswered(draft);
  const missing = open.length;
  const local = !tried
    ? null
    : [
        missing > 0 ? t('review.incomplete', { list: open.map((c) => t(`criteria.${c}`)).join(', ') }) : '',
        draft.decision === null ? t('review.noDecision') : '',
      ]
        .filter(Boolean)
        .join(' ') || null;

  const setCriterion = (c: ReviewCriterion, v: ReviewDraft['criteria'][ReviewCriterion]) =>
    setDraft((d) => ({ ...d, criteria: { ...d.criteria, [c]: v } }));

  const group = (title: string, criteria: readonly ReviewCriterion[]) => (
    <section className="criteria-group">
      <h3>{title}</h3>
      {criteria.map((c) => (
        <CriterionField key={c} criterion={c} {...draft.criteria[c]} invalid={tried && open.includes(c)} disabled={busy} onChange={(v) => setCriterion(c, v)} />
      ))}
    </section>
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (unanswered(draft).length === 0 && draft.decision !== null) onSubmit(draft);
  };

  return (
    <form className="review-form form" onSubmit={submit} noValidate>
      {group(t('review.qualities'), QUALITY_CRITERIA)}
      {group(t('review.values'), VALUE_CRITERIA)}
      <fieldset className="decision">
        <legend className="field__label">{t('review.decision')}</legend>
        <div className="segmented" role="radiogroup">
          {DECISIONS.map((d) => (
            <label key={d} className={`segmented__option segmented__option--${d}`}>
              <input
                type="radio"
                name="decision"
                value={d}
                data-testid={`review-decision-${d}`}
                checked={draft.decision === d}
                disabled={busy}
                onChange={() => setDraft((prev) => ({ ...prev, decision: d }))}
              />
              <span>{t(`decision.${d}`)}</span>
            </label>
          ))}
        </div>
        <p className="field__hint">{t('review.decisionHint')}</p>
      </fieldset>
      <Field label={t('review.notes')} optional>
        <textarea data-testid="review-notes" value={draft.notes} rows={3} maxLength={4000} disabled={busy} onChange={(e) => setDraft((d) => ({ ...d, notes: e.target.value }))} />
      </Field>
      {missing > 0 && <p className="muted">{t('review.unanswered', { count: missing })}</p>}
      <ActionError message={local ?? error} />
      <button type="submit" className="button button--primary" data-testid="review-submit" disabled={busy}>
        {commitment.review ? t('review.resubmit') : t('review.submit')}
      </button>
    </form>
  );
}
