import type { Commitment } from '@cocrea/domain';
import { useTranslation } from 'react-i18next';
import { commitmentStep, submitReview } from '../api/commitments';
import type { MesaAuth } from '../collab/mesaAuth';
import { ReviewForm } from '../review/ReviewForm';
import { toRequestBody, type ReviewDraft } from '../review/reviewDraft';
import { ReviewSummary } from '../review/ReviewSummary';
import { useMesaAccess } from '../session/MesaAccessContext';
import { can } from '../session/permissions';
import { ActionError } from '../ui/ActionError';
import { CardSection } from '../ui/CardSection';
import type { Actions } from '../ui/useAction';

interface Props {
  commitment: Commitment;
  auth: MesaAuth;
  actions: Actions;
  onCommitment: (c: Commitment) => void;
}

/** The feasibility review (form while preliminary or reviewed, summary after) and "Hacer definitivo". */
export function ReviewSection({ commitment: c, auth, actions, onCommitment }: Props) {
  const { t } = useTranslation();
  const { role } = useMesaAccess();
  const open = c.status === 'preliminar' || c.status === 'revisado';
  // Facilitators and the STM review; only facilitators make a commitment definitive.
  const reviewable = open && can.review(role);
  const decidable = open && can.decide(role);

  const review = (draft: ReviewDraft) => {
    void actions.run('review', async () => submitReview(c.id, toRequestBody(draft), await auth.bearer())).then((next) => {
      if (next) onCommitment(next);
    });
  };
  const makeDefinitive = () => {
    void actions.run('definitive', async () => commitmentStep(c.id, 'definitive', await auth.bearer())).then((next) => {
      if (next) onCommitment(next);
    });
  };

  return (
    <CardSection titleId="review-title" title={t('review.title')}>
      <p className="muted">{t('review.intro')}</p>
      {c.review && <ReviewSummary review={c.review} />}
      {reviewable && c.review && <h3 className="subhead">{t('review.again')}</h3>}
      {reviewable && (
        <ReviewForm
          key={c.review?.stamp.at ?? 'new'}
          commitment={c}
          busy={actions.busy === 'review'}
          onSubmit={review}
          error={actions.errorOf('review')}
        />
      )}
      {open && !c.review && !reviewable && <p className="muted">{t('review.pending')}</p>}
      {decidable && (
        <div className="action-row">
          <button type="button" className="button button--primary" data-testid="make-definitive" disabled={actions.busy === 'definitive'} onClick={makeDefinitive}>
            {t('commitment.makeDefinitive')}
          </button>
          <span className="muted">{t('commitment.makeDefinitiveHint')}</span>
          <ActionError message={actions.errorOf('definitive')} />
        </div>
      )}
    </CardSection>
  );
}
