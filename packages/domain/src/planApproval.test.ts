import { describe, expect, it } from 'vitest';
import type { ActionPlan } from './actionPlan';
import { demoExercise } from './demoExercise';
import { approvalGaps, approvalProblem, planApprovalInputSchema, publicationGaps, recordApproval } from './planApproval';
import { emptyStm } from './stm';

const stamp = { by: { id: 'x', name: 'X' }, at: '2027-01-10T17:00:00.000Z' };

function setting() {
  const d = demoExercise();
  const plan: ActionPlan = { ...d.plan, status: 'borrador', approved: null, published: null };
  return { d, plan, stm: d.exercise.stm, members: d.members };
}

describe('publicationGaps', () => {
  it('allows publishing once the STM is complete and every sector approved the current entries', () => {
    const { d, plan, stm, members } = setting();
    expect(publicationGaps(plan, stm, members, d.approvals)).toEqual([]);
  });

  it('refuses publishing with an incomplete STM and missing approvals, listing what is missing', () => {
    const { plan, members } = setting();
    const stm = { ...emptyStm(), seats: [{ id: 'seat-og', sector: 'organo_garante' as const, titularId: 'm11', suplenteId: 'm12' }] };
    expect(publicationGaps({ ...plan, launchDate: null }, stm, members, [])).toEqual([
      'Falta la fecha del lanzamiento público del PAM.',
      'Falta la persona titular de la sociedad civil en el STM.',
      'Falta la persona titular de la autoridad municipal en el STM.',
      'Falta elegir a la persona facilitadora, emanada de la sociedad civil.',
      'Falta la aprobación de la sociedad civil: el sector aún no tiene titular ni suplente en el STM.',
      'Falta la aprobación de la autoridad municipal: el sector aún no tiene titular ni suplente en el STM.',
      'Falta la aprobación del Órgano Garante: debe aprobar Sofía Garduño Pliego (titular) o Andrés Villafaña Rojas (suplente).',
    ]);
  });

  it('names who must approve for each sector still missing', () => {
    const { d, plan, stm, members } = setting();
    const onlyCivil = d.approvals.filter((a) => a.sector === 'sociedad_civil');
    expect(publicationGaps(plan, stm, members, onlyCivil)).toEqual([
      'Falta la aprobación de la autoridad municipal: debe aprobar Arturo Salgado Medina (titular) o Claudia Reyes Montiel (suplente).',
      'Falta la aprobación del Órgano Garante: debe aprobar Sofía Garduño Pliego (titular) o Andrés Villafaña Rojas (suplente).',
    ]);
  });

  it('accepts the suplente’s approval for a sector', () => {
    const { d, plan, stm, members } = setting();
    const bySuplente = recordApproval(plan, stm, members, 'm07', { note: 'En ausencia del titular.' }, stamp, 'apr-s');
    expect(bySuplente).toMatchObject({ sector: 'gobierno_municipal', capacity: 'suplente', note: 'En ausencia del titular.' });
    const approvals = [...d.approvals.filter((a) => a.sector !== 'gobierno_municipal'), bySuplente];
    expect(publicationGaps(plan, stm, members, approvals)).toEqual([]);
  });

  it('asks again when the plan’s commitments changed after an approval', () => {
    const { d, plan, stm, members } = setting();
    const changed = { ...plan, entries: plan.entries.slice(0, 2) };
    expect(publicationGaps(changed, stm, members, d.approvals)).toEqual([
      'La aprobación de la sociedad civil (Mariana Velázquez Ortega) fue para otra versión del PAM: debe aprobarlo de nuevo.',
      'La aprobación de la autoridad municipal (Arturo Salgado Medina) fue para otra versión del PAM: debe aprobarlo de nuevo.',
      'La aprobación del Órgano Garante (Sofía Garduño Pliego) fue para otra versión del PAM: debe aprobarlo de nuevo.',
    ]);
  });

  it('ignores approvals by someone no longer in the seat, and approvals of another plan', () => {
    const { d, plan, stm, members } = setting();
    const newStm = { ...stm, seats: stm.seats.map((s) => (s.sector === 'organo_garante' ? { ...s, titularId: 'm12', suplenteId: null } : s)) };
    const others = d.approvals.map((a) => (a.sector === 'sociedad_civil' ? { ...a, planId: 'otro' } : a));
    expect(approvalGaps(plan, newStm, members, others)).toEqual([
      'Falta la aprobación de la sociedad civil: debe aprobar Mariana Velázquez Ortega (titular) o Joaquín Estrada Villegas (suplente).',
      'Falta la aprobación del Órgano Garante: debe aprobar Andrés Villafaña Rojas (titular).',
    ]);
  });

  it('says a published plan is already published, and an empty one needs commitments', () => {
    const { d, plan, stm, members } = setting();
    expect(publicationGaps(d.plan, stm, members, d.approvals)).toEqual(['El PAM ya está publicado.']);
    expect(publicationGaps({ ...plan, entries: [] }, stm, members, d.approvals)[0]).toBe('El PAM necesita al menos un compromiso finalizado.');
  });
});

describe('approvalProblem and recordApproval', () => {
  it('lets only titulares and suplentes of the STM approve', () => {
    const { plan, stm, members } = setting();
    expect(approvalProblem(plan, stm, members, 'm06')).toBeNull();
    expect(approvalProblem(plan, stm, members, 'm03')).toBe('Solo aprueban el PAM las personas titulares o suplentes del STM, cada una por su sector.');
    expect(approvalProblem(plan, stm, members, 'm13')).toBe('Solo aprueban el PAM las personas titulares o suplentes del STM, cada una por su sector.');
    expect(approvalProblem(plan, stm, members, 'desconocido')).not.toBeNull();
    expect(approvalProblem({ ...plan, status: 'publicado' }, stm, members, 'm06')).toBe('El PAM ya está publicado.');
    expect(approvalProblem({ ...plan, entries: [] }, stm, members, 'm06')).toBe('El PAM necesita al menos un compromiso finalizado antes de aprobarse.');
  });

  it('records the sector, capacity and the entries approved, and throws when refused', () => {
    const { plan, stm, members } = setting();
    const a = recordApproval(plan, stm, members, 'm11', { note: '' }, stamp, 'a1');
    expect(a).toEqual({ id: 'a1', planId: plan.id, memberId: 'm11', sector: 'organo_garante', capacity: 'titular', entries: plan.entries, note: '', approved: stamp });
    expect(a.entries).not.toBe(plan.entries);
    expect(() => recordApproval(plan, stm, members, 'm13', { note: '' }, stamp, 'a2')).toThrow('Solo aprueban');
  });

  it('validates the note', () => {
    expect(planApprovalInputSchema.parse({})).toEqual({ note: '' });
    expect(planApprovalInputSchema.safeParse({ note: 'x'.repeat(2001) }).error?.issues[0]?.message).toBe('La nota admite como máximo 2000 caracteres.');
  });
});
