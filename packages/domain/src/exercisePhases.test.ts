import { describe, expect, it } from 'vitest';
import { demoExercise } from './demoExercise';
import type { FinalEvaluation } from './evaluation';
import type { Exercise } from './exercise';
import { currentPhase, exerciseOverview, phaseGaps, type ExerciseRecords } from './exercisePhases';
import { emptyStm } from './stm';

const demo = demoExercise();
const TODAY = demo.today; // 2027-10-15, eight months after the launch

function blank(): ExerciseRecords {
  const exercise: Exercise = {
    ...demo.exercise,
    declaration: null,
    launchForum: null,
    awarenessEvents: [],
    stm: emptyStm(),
    planId: null,
    planLaunchEvent: null,
    schedule: {},
  };
  return { exercise, members: [], mesas: [], plan: null, versions: [], approvals: [], tracking: [], monitoring: null, evaluation: null };
}

describe('phaseGaps', () => {
  it('lists everything a new exercise lacks, phase by phase', () => {
    expect(phaseGaps(blank(), TODAY)).toEqual({
      arranque: ['Falta registrar la Declaración Conjunta.', 'Falta registrar el foro municipal del arranque.'],
      sensibilizacion: [
        'Falta al menos un evento de sensibilización.',
        'Aún no hay integrantes de la sociedad civil en el registro.',
        'Aún no hay integrantes de la autoridad municipal en el registro.',
        'Aún no hay integrantes del Órgano Garante en el registro.',
      ],
      integracion_stm: [
        'Falta la persona titular de la sociedad civil en el STM.',
        'Falta la persona titular de la autoridad municipal en el STM.',
        'Falta la persona titular del Órgano Garante en el STM.',
        'Falta elegir a la persona facilitadora, emanada de la sociedad civil.',
        'Falta la fecha de instalación del STM.',
        'Faltan las reglas mínimas de integración e interacción del STM (mecanismo de gobernanza).',
        'Falta la agenda anual de trabajo del STM.',
      ],
      mesas: ['Falta convocar al menos una mesa participativa.'],
      lanzamiento_pam: ['Falta integrar el PAM con los compromisos finalizados.'],
      seguimiento: ['Empieza con el lanzamiento público del PAM.'],
    });
  });

  it('names the sector whose signature the Declaración Conjunta lacks, and a signature still to come', () => {
    const r = blank();
    r.exercise.declaration = {
      place: 'Metepec',
      signatories: demo.exercise.declaration!.signatories.filter((s) => s.sector !== 'organo_garante').map((s) => (s.sector === 'sociedad_civil' ? { ...s, signedOn: '2027-12-01' } : s)),
      document: null,
    };
    expect(phaseGaps(r, TODAY).arranque).toEqual([
      'La firma de la sociedad civil en la Declaración Conjunta está prevista para el 1 de diciembre de 2027.',
      'Falta la firma del Órgano Garante en la Declaración Conjunta.',
      'Falta el documento firmado de la Declaración Conjunta.',
      'Falta registrar el foro municipal del arranque.',
    ]);
  });

  it('asks for the evidence of held events, and waits for future ones', () => {
    const r = blank();
    r.exercise.launchForum = { ...demo.exercise.launchForum!, evidence: [] };
    r.exercise.awarenessEvents = [{ ...demo.exercise.awarenessEvents[0]!, evidence: [], joinedMemberIds: ['m02', 'nadie'] }];
    r.members = demo.members;
    expect(phaseGaps(r, TODAY).arranque.at(-1)).toBe('Falta la evidencia del foro municipal del arranque (lista de asistencia, fotografías o relatoría).');
    expect(phaseGaps(r, TODAY).sensibilizacion).toEqual([
      'Falta la evidencia del evento «Sensibilización con organizaciones de la sociedad civil».',
      'El evento «Sensibilización con organizaciones de la sociedad civil» nombra integrantes que no están en el registro: nadie.',
    ]);
    r.exercise.awarenessEvents = [{ ...demo.exercise.awarenessEvents[0]!, date: '2027-11-03' }];
    expect(phaseGaps(r, TODAY).sensibilizacion).toEqual(['El primer evento de sensibilización está previsto para el 3 de noviembre de 2027.']);
    r.exercise.awarenessEvents = [{ ...demo.exercise.awarenessEvents[0]!, joinedMemberIds: [] }];
    expect(phaseGaps(r, TODAY).sensibilizacion).toEqual(['Falta registrar a los actores que se sumaron al ejercicio en los eventos de sensibilización.']);
  });

  it('reports missing suplentes in the STM phase, beyond the minimum', () => {
    const r = { ...demo.records, exercise: { ...demo.exercise, stm: { ...demo.exercise.stm, seats: demo.exercise.stm.seats.map((s) => ({ ...s, suplenteId: s.sector === 'organo_garante' ? null : s.suplenteId })) } } };
    expect(phaseGaps(r, TODAY).integracion_stm).toEqual(['Falta la persona suplente del Órgano Garante en el STM.']);
  });

  it('checks each mesa’s kit and that some commitment was finalized', () => {
    const r = { ...demo.records, mesas: demo.mesas.map((m, i) => ({ ...m, finalizedCommitments: 0, kit: i === 0 ? null : m.kit })) };
    expect(phaseGaps(r, TODAY).mesas).toEqual(['Mesa «Mesa de agua potable»: falta el kit para participante.', 'Aún no hay compromisos finalizados con su hoja de ruta.']);
  });

  it('shows the publication gaps while the PAM is not published', () => {
    const plan = { ...demo.plan, status: 'borrador' as const, published: null, approved: null };
    expect(phaseGaps({ ...demo.records, plan, approvals: demo.approvals.slice(0, 2) }, TODAY).lanzamiento_pam).toEqual([
      'Falta la aprobación del Órgano Garante: debe aprobar Sofía Garduño Pliego (titular) o Andrés Villafaña Rojas (suplente).',
    ]);
    expect(phaseGaps({ ...demo.records, plan }, TODAY).lanzamiento_pam).toEqual(['El PAM tiene todas las aprobaciones: falta publicarlo.']);
    expect(phaseGaps(demo.records, demo.plan.launchDate!).lanzamiento_pam).toEqual([]);
    expect(phaseGaps(demo.records, '2027-02-01').lanzamiento_pam).toEqual(['El lanzamiento público del PAM está previsto para el 15 de febrero de 2027.']);
    const noEvent = { ...demo.records, exercise: { ...demo.exercise, planLaunchEvent: null } };
    expect(phaseGaps(noEvent, TODAY).lanzamiento_pam).toEqual(['Falta registrar el evento público de lanzamiento del PAM.']);
    const futureForum = { ...demo.records, exercise: { ...demo.exercise, launchForum: { ...demo.exercise.launchForum!, date: '2027-11-20' } } };
    expect(phaseGaps(futureForum, TODAY).arranque).toEqual(['El foro municipal del arranque está previsto para el 20 de noviembre de 2027.']);
  });

  it('lists overdue activities and the reviews still to do during seguimiento', () => {
    expect(phaseGaps(demo.records, TODAY).seguimiento).toEqual([
      'Compromiso «Mapa ciudadano de alumbrado y seguridad», actividad «Levantamiento ciudadano de luminarias apagadas y puntos inseguros»: debía concluir el 14 de agosto de 2027 y va en 60 %.',
      'Evaluación final: corresponde a partir del 15 de febrero de 2028.',
    ]);
    const noMonitoring = phaseGaps({ ...demo.records, monitoring: null }, TODAY).seguimiento;
    expect(noMonitoring).toContain('Monitoreo a los seis meses: venció el 14 de septiembre de 2027.');
  });
});

describe('currentPhase', () => {
  it('follows the exercise from arranque to concluido', () => {
    const r = blank();
    expect(currentPhase(r, TODAY)).toBe('arranque');
    r.exercise.declaration = demo.exercise.declaration;
    expect(currentPhase(r, TODAY)).toBe('sensibilizacion');
    expect(currentPhase(r, '2025-01-01')).toBe('arranque');
    r.exercise.stm = { ...emptyStm(), facilitatorId: 'm03' };
    expect(currentPhase(r, TODAY)).toBe('integracion_stm');
    r.mesas = demo.mesas;
    expect(currentPhase(r, TODAY)).toBe('mesas');
    r.plan = { ...demo.plan, status: 'borrador' };
    expect(currentPhase(r, TODAY)).toBe('lanzamiento_pam');
    r.plan = demo.plan;
    expect(currentPhase(r, '2027-02-14')).toBe('lanzamiento_pam');
    expect(currentPhase(r, '2027-02-15')).toBe('seguimiento');
    const evaluation = { planId: demo.plan.id, commitments: demo.plan.entries.map((e) => ({ commitmentId: e.commitmentId })) } as FinalEvaluation;
    expect(currentPhase({ ...r, evaluation }, '2028-03-01')).toBe('concluido');
    expect(currentPhase({ ...r, evaluation: { ...evaluation, commitments: evaluation.commitments.slice(1) } }, '2028-03-01')).toBe('seguimiento');
  });

  it('starts sensibilización with a first event even before every signature', () => {
    const r = blank();
    r.exercise.awarenessEvents = demo.exercise.awarenessEvents;
    expect(currentPhase(r, TODAY)).toBe('sensibilizacion');
  });
});

describe('exerciseOverview', () => {
  it('shows the demo in seguimiento with the earlier phases complete', () => {
    const o = exerciseOverview(demo.records, TODAY);
    expect(o.stage).toBe('seguimiento');
    expect(o.phases.map((p) => [p.number, p.phase, p.complete, p.current, p.late])).toEqual([
      [1, 'arranque', true, false, false],
      [2, 'sensibilizacion', true, false, false],
      [3, 'integracion_stm', true, false, false],
      [4, 'mesas', true, false, false],
      [5, 'lanzamiento_pam', true, false, false],
      [6, 'seguimiento', false, true, false],
    ]);
  });

  it('marks a phase late when its planned end passed with gaps left', () => {
    const r = { ...demo.records, exercise: { ...demo.exercise, stm: { ...demo.exercise.stm, annualAgenda: null } } };
    const stm = exerciseOverview(r, TODAY).phases[2];
    expect(stm).toMatchObject({ complete: false, late: true, gaps: ['Falta la agenda anual de trabajo del STM.'] });
  });
});
