import { describe, expect, it } from 'vitest';
import { demoExercise } from './demoExercise';
import {
  completionDiscrepancies,
  evaluationOpenDate,
  evaluationProblems,
  finalEvaluationInputSchema,
  monitoringInputSchema,
  monitoringProblems,
  recordMonitoring,
  sixMonthMark,
  MONITORING_BODY,
  type FinalEvaluationInput,
  type MonitoringInput,
} from './evaluation';
import { planProgress } from './progress';
import { QUALITY_CRITERIA, VALUE_CRITERIA } from './review';

const d = demoExercise();
const plan = d.plan; // launched 2027-02-15
const verdicts = (list: readonly string[]) => Object.fromEntries(list.map((c) => [c, { verdict: 'cumple', reasons: 'Se mantiene.' }]));
const monitoringFor = (ids: string[], cutoffDate = '2027-08-15'): MonitoringInput =>
  monitoringInputSchema.parse({
    cutoffDate,
    commitments: ids.map((commitmentId) => ({ commitmentId, quality: verdicts(QUALITY_CRITERIA), relevance: verdicts(VALUE_CRITERIA), schedule: { value: 'en_tiempo', reasons: 'Según lo previsto.' } })),
  });
const evaluationFor = (ids: string[], date = '2028-03-01'): FinalEvaluationInput =>
  finalEvaluationInputSchema.parse({
    date,
    commitments: ids.map((commitmentId) => ({
      commitmentId,
      verifiable: { value: true, reasons: 'Sus productos pueden verificarse.' },
      potentialForResults: { value: 'sustancial', reasons: 'Atiende una causa central.' },
      completion: { value: 'sustancial', reasons: 'Dos de tres actividades concluidas.' },
      openedGovernment: { value: 'marginal', reasons: 'Se publica información nueva, aún sin uso ciudadano amplio.' },
    })),
  });
const ALL = ['compAguaMet', 'compPresMet', 'compSegMet'];

describe('dates of the reviews', () => {
  it('puts the monitoring six months after the launch and the evaluation the day after the year ends', () => {
    expect(sixMonthMark('2027-02-15')).toBe('2027-08-15');
    expect(sixMonthMark('2027-08-31')).toBe('2028-02-29');
    expect(evaluationOpenDate('2027-02-15')).toBe('2028-02-15');
  });
});

describe('monitoring', () => {
  it('needs every criterion of quality and relevance answered with reasons, and defaults the body to the Infoem', () => {
    const parsed = monitoringFor(['compAguaMet']);
    expect(parsed.conductedBy).toBe(MONITORING_BODY);
    const broken = monitoringInputSchema.safeParse({ cutoffDate: '2027-08-15', commitments: [{ commitmentId: 'x', quality: { concreto: { verdict: 'cumple', reasons: '' } }, relevance: {}, schedule: { value: 'tarde', reasons: 'x' } }] });
    const messages = broken.error?.issues.map((i) => i.message) ?? [];
    expect(messages).toContain('Explica las razones de la valoración.');
    expect(messages).toContain('Valora este criterio: dictamen y razones.');
    expect(broken.error?.issues.filter((i) => i.message === 'Valora este criterio: dictamen y razones.')).toHaveLength(9);
    expect(messages).toContain('Indica si va adelantado, en tiempo o con retraso.');
  });

  it('accepts a cut-off from the six-month mark, within the year, not in the future, covering every commitment once', () => {
    expect(monitoringProblems(monitoringFor(ALL), plan, '2027-08-20')).toEqual([]);
    expect(monitoringProblems(monitoringFor(ALL, '2027-08-14'), plan, '2027-08-20')).toEqual([
      'El monitoreo es a los seis meses del lanzamiento: la fecha de corte no puede ser anterior al 15 de agosto de 2027.',
    ]);
    expect(monitoringProblems(monitoringFor(ALL, '2027-08-21'), plan, '2027-08-20')).toEqual(['La fecha de corte del monitoreo no puede ser futura.']);
    expect(monitoringProblems(monitoringFor(ALL, '2028-02-15'), plan, '2028-03-01')).toEqual(['La fecha de corte del monitoreo cae fuera del año de vigencia del PAM.']);
    expect(monitoringProblems(monitoringFor(['compAguaMet', 'compAguaMet', 'otro']), plan, '2027-09-01')).toEqual([
      'El compromiso compAguaMet aparece más de una vez en el monitoreo.',
      'El compromiso otro no forma parte del PAM.',
      'Falta valorar el compromiso compPresMet en el monitoreo.',
      'Falta valorar el compromiso compSegMet en el monitoreo.',
    ]);
    expect(monitoringProblems(monitoringFor(ALL), { ...plan, status: 'aprobado' }, '2027-09-01')).toEqual(['El monitoreo se hace sobre un PAM publicado.']);
  });

  it('records the progress the tracking showed at the end of the cut-off date, not later reports', () => {
    const m = recordMonitoring(monitoringFor(ALL), plan, d.versions, d.records.tracking, { by: { id: 'm12', name: 'A' }, at: '2027-08-27T17:00:00Z' }, 'mon1');
    expect(m.commitments.map((c) => [c.commitmentId, Math.round(c.progress.percent * 10) / 10, c.progress.level])).toEqual([
      ['compAguaMet', 65, 'sustancial'],
      ['compPresMet', 48.3, 'limitado'],
      ['compSegMet', 28.3, 'limitado'],
    ]);
    expect(m).toMatchObject({ id: 'mon1', planId: 'pamMetepec', cutoffDate: '2027-08-15' });
    const today = planProgress(plan, d.versions, d.records.tracking).commitments.map((c) => c.level);
    expect(today).toEqual(['sustancial', 'sustancial', 'limitado']);
  });
});

describe('final evaluation', () => {
  it('uses the IRM scales, with reasons for each', () => {
    const bad = finalEvaluationInputSchema.safeParse({
      date: '2028-03-01',
      commitments: [{ commitmentId: 'x', verifiable: { value: 'quizá', reasons: 'x' }, potentialForResults: { value: 'enorme', reasons: 'x' }, completion: { value: 'casi', reasons: 'x' }, openedGovernment: { value: 'mucho', reasons: '' } }],
    });
    expect(bad.error?.issues.map((i) => i.message)).toEqual([
      'Indica si el compromiso es verificable.',
      'Elige el potencial de resultados: poco claro, modesto o sustancial.',
      'Elige el nivel de cumplimiento: no iniciado, limitado, sustancial o completo.',
      'Elige si abrió el gobierno: empeoró, no cambió, marginal, mayor o sobresaliente.',
      'Explica las razones de la valoración.',
    ]);
  });

  it('is made once the year of the PAM concluded, not in the future, for every commitment', () => {
    expect(evaluationProblems(evaluationFor(ALL), plan, '2028-03-02')).toEqual([]);
    expect(evaluationProblems(evaluationFor(ALL, '2028-02-14'), plan, '2028-03-02')).toEqual([
      'La evaluación final se hace al concluir el año de vigencia del PAM, a partir del 15 de febrero de 2028.',
    ]);
    expect(evaluationProblems(evaluationFor(ALL), plan, '2028-02-20')).toEqual(['La fecha de la evaluación no puede ser futura.']);
    expect(evaluationProblems(evaluationFor(['compAguaMet']), plan, '2028-03-02')).toHaveLength(2);
    expect(evaluationProblems(evaluationFor(ALL), { ...plan, launchDate: null }, '2028-03-02')).toEqual(['La evaluación se hace sobre un PAM publicado.']);
  });

  it('points out where the evaluated completion differs from the tracking', () => {
    const progress = planProgress(plan, d.versions, d.records.tracking);
    expect(completionDiscrepancies(evaluationFor(ALL), progress)).toEqual([
      'Compromiso compSegMet: la evaluación dice «Sustancial» y el seguimiento registra «Limitado» (28 %).',
    ]);
  });
});
