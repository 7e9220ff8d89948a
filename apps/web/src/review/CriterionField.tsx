import { VERDICTS, type ReviewCriterion } from '@cocrea/domain';
import { useTranslation } from 'react-i18next';
import { Field } from '../ui/Field';
import type { Verdict } from './reviewDraft';

interface Props {
  criterion: ReviewCriterion;
  verdict: Verdict | null;
  reasons: string;
  disabled: boolean;
  /** Marked after a submission that left it unanswered. */
  invalid: boolean;
  onChange: (next: { verdict: Verdict | null; reasons: string }) => void;
}

/** One criterion of the review: its verdict (cumple / parcialmente / no cumple) and the reasons. */
export function CriterionField({ criterion, verdict, reasons, disabled, invalid, onChange }: Props) {
  const { t } = useTranslation();
  const name = `verdict-${criterion}`;
  return (
    <fieldset className={`criterion${invalid ? ' criterion--invalid' : ''}`} data-verdict={verdict ?? undefined} aria-invalid={invalid || undefined}>
      <legend className="criterion__name">{t(`criteria.${criterion}`)}</legend>
      <p className="criterion__hint">{t(`criteriaHint.${criterion}`)}</p>
      <div className="segmented" role="radiogroup" aria-label={t('review.verdict')}>
        {VERDICTS.map((v) => (
          <label key={v} className={`segmented__option segmented__option--${v}`}>
            <input
              type="radio"
              name={name}
              value={v}
              data-testid={`review-verdict-${criterion}-${v}`}
              checked={verdict === v}
              disabled={disabled}
              onChange={() => onChange({ verdict: v, reasons })}
            />
            <span>{t(`verdict.${v}`)}</span>
          </label>
        ))}
      </div>
      <Field label={t('review.reasonsFor', { criterion: t(`criteria.${criterion}`) })} hideLabel>
        <textarea
          data-testid={`review-reasons-${criterion}`}
          value={reasons}
          rows={2}
          maxLength={2000}
          disabled={disabled}
          placeholder={t('review.reasonsPlaceholder')}
          onChange={(e) => onChange({ verdict, reasons: e.target.value })}
        />
      </Field>
    </fieldset>
  );
}
