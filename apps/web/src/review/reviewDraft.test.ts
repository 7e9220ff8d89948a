import { REVIEW_CRITERIA, type CommitmentReview } from '@cocrea/domain';
import { describe, expect, it } from 'vitest';
import { initialDraft, toRequestBody, unanswered } from './reviewDraft';

describe('review draft', () => {
  it('starts empty, every criterion unanswered', () => {
    const d = initialDraft(null);
    expect(d.decision).toBeNull();
    expect(unanswered(d)).toEqual([...REVIEW_CRITERIA]);
  });

  it('is filled from a recorded review', () => {
    const criteria = Object.fromEntries(REVIEW_CRITERIA.map((c) => [c, { verdict: 'cumple' as const, reasons: `Porque ${c}` }])) as CommitmentReview['criteria'];
    const review: CommitmentReview = { criteria, decision: 'factible', notes: 'Bien', stamp: { by: { id: 'p', name: 'Ana' }, at: '2026-01-01T00:00:00Z' } };
    const d = initialDraft(review);
    expect(unanswered(d)).toEqual([]);
    expect(toRequestBody(d)).toEqual({ criteria, decision: 'factible', notes: 'Bien' });
  });

  it('counts blank reasons as unanswered and leaves missing verdicts out of the body', () => {
    const d = initialDraft(null);
    d.criteria.concreto = { verdict: 'cumple', reasons: '   ' };
    expect(unanswered(d)).toContain('concreto');
    const body = JSON.parse(JSON.stringify(toRequestBody(d))) as { criteria: Record<string, object>; decision?: string };
    expect(body.criteria.medible).toEqual({ reasons: '' });
    expect(body.decision).toBeUndefined();
  });
});
