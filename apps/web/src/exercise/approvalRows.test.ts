import type { ActionPlan, ExerciseMember, Stm } from '@cocrea/domain';
import { describe, expect, it } from 'vitest';
import type { StoredApproval } from '../api/exerciseTypes';
import { sectorApprovals } from './approvalRows';

const stamp = { by: { id: 'x', name: 'x' }, at: '2027-02-01T17:00:00.000Z' };
const person = (id: string, name: string, sector: ExerciseMember['sector']): ExerciseMember => ({
  id,
  kind: 'persona',
  name,
  sector,
  organization: '',
  position: '',
  contact: { email: '', phone: '' },
  joinedOn: '2027-01-10',
  joinedAtEventId: null,
});
const members = [person('m1', 'Mariana', 'sociedad_civil'), person('m2', 'Joaquín', 'sociedad_civil'), person('m6', 'Arturo', 'gobierno_municipal')];
const stm: Stm = {
  installedOn: '2027-01-20',
  seats: [
    { id: 'seat-sc', sector: 'sociedad_civil', titularId: 'm1', suplenteId: 'm2' },
    { id: 'seat-gm', sector: 'gobierno_municipal', titularId: 'm6', suplenteId: null },
  ],
  facilitatorId: null,
  governanceRules: null,
  annualAgenda: null,
};
const plan: ActionPlan = {
  id: 'pam1',
  title: 'PAM',
  municipality: 'Metepec',
  launchDate: '2027-03-01',
  validUntil: null,
  status: 'borrador',
  entries: [{ commitmentId: 'c1', version: 2 }],
  created: stamp,
  approved: null,
  published: null,
};
const approval = (memberId: string, version: number, capacity: 'titular' | 'suplente' = 'titular'): StoredApproval => ({
  id: `a-${memberId}-${version}`,
  planId: 'pam1',
  memberId,
  sector: 'sociedad_civil',
  capacity,
  entries: [{ commitmentId: 'c1', version }],
  note: '',
  approved: stamp,
  accountId: null,
});

describe('sectorApprovals', () => {
  it('names who may approve for each sector, and says a sector without seat holders has none', () => {
    const rows = sectorApprovals(plan, stm, members, []);
    expect(rows.map((r) => [r.sector, r.state, r.holders.map((h) => `${h.name} (${h.capacity})`)])).toEqual([
      ['sociedad_civil', 'pendiente', ['Mariana (titular)', 'Joaquín (suplente)']],
      ['gobierno_municipal', 'pendiente', ['Arturo (titular)']],
      ['organo_garante', 'sin_lugar', []],
    ]);
  });

  it('counts a suplente’s approval for the current versions', () => {
    const [sc] = sectorApprovals(plan, stm, members, [approval('m2', 2, 'suplente')]);
    expect(sc).toMatchObject({ state: 'aprobado', approval: { name: 'Joaquín', capacity: 'suplente' } });
  });

  it('asks again when the approval was for other versions, or its author left the seat', () => {
    expect(sectorApprovals(plan, stm, members, [approval('m1', 1)])[0]?.state).toBe('otra_version');
    const moved = { ...stm, seats: stm.seats.map((s) => (s.id === 'seat-sc' ? { ...s, titularId: null } : s)) };
    expect(sectorApprovals(plan, moved, members, [approval('m1', 2)])[0]?.state).toBe('pendiente');
  });
});
