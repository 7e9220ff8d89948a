import { describe, expect, it } from 'vitest';
import { demoExercise } from './demoExercise';
import type { FinalEvaluation } from './evaluation';
import { dueReminders } from './reminders';

const d = demoExercise();
const plan = d.plan; // launched 2027-02-15, valid until 2028-02-14
const monitoring = d.records.monitoring;
const statuses = (today: string, m = monitoring, e: FinalEvaluation | null = null) => dueReminders(plan, m, e, today).map((r) => r.status);

describe('dueReminders', () => {
  it('dates the monitoring at six months after the launch and the evaluation at the end of the year', () => {
    const [mon, ev] = dueReminders(plan, null, null, '2027-03-01');
    expect(plan.launchDate).toBe('2027-02-15');
    expect(mon).toMatchObject({ kind: 'monitoreo_seis_meses', startsOn: '2027-08-15', remindFrom: '2027-07-16', dueOn: '2027-09-14', status: 'programada' });
    expect(ev).toMatchObject({ kind: 'evaluacion_final', startsOn: '2028-02-15', remindFrom: '2028-01-16', dueOn: '2028-04-15', status: 'programada' });
    expect(mon?.message).toBe('Monitoreo a los seis meses: corresponde a partir del 15 de agosto de 2027.');
  });

  it('goes from programada to por vencer to vencida while not done', () => {
    expect(statuses('2027-07-15', null)).toEqual(['programada', 'programada']);
    expect(statuses('2027-07-16', null)).toEqual(['por_vencer', 'programada']);
    expect(statuses('2027-09-14', null)).toEqual(['por_vencer', 'programada']);
    expect(statuses('2027-09-15', null)).toEqual(['vencida', 'programada']);
    expect(statuses('2028-04-16', null)).toEqual(['vencida', 'vencida']);
    const [mon] = dueReminders(plan, null, null, '2027-09-15');
    expect(mon?.message).toBe('Monitoreo a los seis meses: venció el 14 de septiembre de 2027.');
  });

  it('is hecha once every commitment is assessed, and says how many are missing before', () => {
    expect(statuses('2027-10-15')).toEqual(['hecha', 'programada']);
    const partial = monitoring && { ...monitoring, commitments: monitoring.commitments.slice(0, 2) };
    const [mon] = dueReminders(plan, partial, null, '2027-09-01');
    expect(mon).toMatchObject({ status: 'por_vencer', missingCommitmentIds: ['compSegMet'] });
    expect(mon?.message).toBe('Monitoreo a los seis meses: corresponde a partir del 15 de agosto de 2027 y vence el 14 de septiembre de 2027. Falta 1 compromiso por valorar.');
  });

  it('ignores records of another plan, and has nothing to remind before publication', () => {
    expect(statuses('2027-10-15', monitoring && { ...monitoring, planId: 'otro' })).toEqual(['vencida', 'programada']);
    expect(dueReminders({ ...plan, status: 'aprobado' }, null, null, '2027-10-15')).toEqual([]);
    expect(dueReminders({ ...plan, launchDate: null }, null, null, '2027-10-15')).toEqual([]);
  });
});
