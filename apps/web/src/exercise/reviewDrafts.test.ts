import { finalEvaluationInputSchema, monitoringInputSchema } from '@cocrea/domain';
import { describe, expect, it } from 'vitest';
import { blankEvaluation, blankMonitoring, evaluationInput, monitoringInput } from './reviewDrafts';

describe('review drafts', () => {
  it('cuts the monitoring at the six-month mark, and never in the future', () => {
    expect(blankMonitoring('2027-02-15', '2027-10-15', ['c1']).cutoffDate).toBe('2027-08-15');
    expect(blankMonitoring('2027-02-15', '2027-05-01', ['c1']).cutoffDate).toBe('2027-05-01');
  });

  it('dates the evaluation the day after the PAM year ends', () => {
    expect(blankEvaluation('2027-02-15', '2028-03-01', ['c1']).date).toBe('2028-02-15');
  });

  it('sends a complete monitoring the domain accepts, and an incomplete one it refuses in words', () => {
    const d = blankMonitoring('2027-02-15', '2027-10-15', ['c1']);
    const row = d.rows[0]!;
    for (const k of Object.keys(row.criteria)) row.criteria[k] = { verdict: 'cumple', reasons: 'Se cumple.' };
    row.schedule = { value: 'en_tiempo', reasons: 'Conforme al calendario.' };
    expect(monitoringInputSchema.safeParse(monitoringInput(d)).success).toBe(true);
    row.schedule = { value: '', reasons: '' };
    const bad = monitoringInputSchema.safeParse(monitoringInput(d));
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.message)).toContain('Indica si va adelantado, en tiempo o con retraso.');
  });

  it('turns "sí" into true and leaves an unanswered question for the server to name', () => {
    const d = blankEvaluation('2027-02-15', '2028-03-01', ['c1']);
    d.rows[0] = {
      commitmentId: 'c1',
      verifiable: { value: 'si', reasons: 'Hay evidencia pública.' },
      potentialForResults: { value: 'modesto', reasons: 'Alcance acotado.' },
      completion: { value: 'sustancial', reasons: 'La mayoría concluyó.' },
      openedGovernment: { value: 'marginal', reasons: 'Cambio pequeño.' },
    };
    const ok = finalEvaluationInputSchema.safeParse(evaluationInput(d));
    expect(ok.success && ok.data.commitments[0]?.verifiable.value).toBe(true);
    d.rows[0].verifiable.value = '';
    expect(finalEvaluationInputSchema.safeParse(evaluationInput(d)).error?.issues.map((i) => i.message)).toContain('Indica si el compromiso es verificable.');
  });
});
