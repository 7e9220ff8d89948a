import { REVIEW_CRITERIA, type DECISIONS, type VERDICTS, type CommitmentReview, type ReviewCriterion, type ReviewInput } from '@cocrea/domain';

/** A verdict on one criterion. */
export type Verdict = (typeof VERDICTS)[number];
/** The review's decision. */
export type Decision = (typeof DECISIONS)[number];

/** The review form while it is being filled in: anything may still be empty. */
export interface ReviewDraft {
  criteria: Record<ReviewCriterion, { verdict: Verdict | null; reasons: string }>;
  decision: Decision | null;
  notes: string;
}

/** An empty form, or one filled with the review already recorded. */
export function initialDraft(review: CommitmentReview | null): ReviewDraft {
  const criteria = Object.fromEntries(
    REVIEW_CRITERIA.map((c) => {
      const r = review?.criteria[c];
      return [c, { verdict: r?.verdict ?? null, reasons: r?.reasons ?? '' }];
    }),
  ) as ReviewDraft['criteria'];
  return { criteria, decision: review?.decision ?? null, notes: review?.notes ?? '' };
}

/** The criteria still without a verdict or reasons, in the guide's order. */
export function unanswered(d: ReviewDraft): ReviewCriterion[] {
  return REVIEW_CRITERIA.filter((c) => d.criteria[c].verdict === null || d.criteria[c].reasons.trim() === '');
}

/**
 * What is sent to the server. Unanswered parts are sent as they are (the server names what is
 * missing in its own words), so the body is typed loosely.
 */
export function toRequestBody(d: ReviewDraft): ReviewInput {
  const criteria = Object.fromEntries(
    REVIEW_CRITERIA.map((c) => [c, { verdict: d.criteria[c].verdict ?? undefined, reasons: d.criteria[c].reasons }]),
  ) as unknown as ReviewInput['criteria'];
  return { criteria, decision: d.decision ?? (undefined as unknown as Decision), notes: d.notes };
}
