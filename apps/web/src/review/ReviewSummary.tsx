import { QUALITY_CRITERIA, VALUE_CRITERIA, type CommitmentReview } from '@cocrea/domain';
import { useTranslation } from 'react-i18next';
import { useFormats } from '../ui/useFormats';

/** The recorded review, read-only: decision, who and when, and each criterion's verdict and reasons. */
export function ReviewSummary({ review }: { review: CommitmentReview }) {
  const { t } = useTranslation();
  const f = useFormats();
  return (
    <div className="review-summary" data-testid="review-summary" data-decision={review.decision}>
      <p className="review-summary__decision">
        <span className={`badge badge--${review.decision}`}>{t(`decision.${review.decision}`)}</span>
        <span className="muted">{t('review.by', { stamp: f.stamp(review.stamp) })}</span>
      </p>
      {review.notes && <p className="review-summary__notes">{review.notes}</p>}
      <details>
        <summary>{t('review.showCriteria')}</summary>
        <dl className="review-summary__criteria">
          {[...QUALITY_CRITERIA, ...VALUE_CRITERIA].map((c) => (
            <div key={c} className="review-summary__row">
              <dt>
                {t(`criteria.${c}`)} · <span className={`verdict verdict--${review.criteria[c].verdict}`}>{t(`verdict.${review.criteria[c].verdict}`)}</span>
              </dt>
              <dd>{review.criteria[c].reasons}</dd>
            </div>
          ))}
        </dl>
      </details>
    </div>
  );
}
