import { describe, expect, it } from 'vitest';
import { EXERCISE_PHASES, PHASE_LABELS, awarenessEventInputSchema, declarationInputSchema, exerciseInputSchema, scheduleInputSchema } from './exercise';

describe('exercise schemas', () => {
  it('names the guide’s six phases in order', () => {
    expect(EXERCISE_PHASES.map((p) => PHASE_LABELS[p])).toEqual([
      'Arranque del ejercicio',
      'Sensibilización y socialización del ejercicio',
      'Integración del Secretariado Técnico Municipal (STM)',
      'Mesas participativas',
      'Lanzamiento e implementación del Plan de Acción Municipal (PAM)',
      'Seguimiento, monitoreo y evaluación',
    ]);
  });

  it('requires a municipality, a title and an ordered period', () => {
    expect(exerciseInputSchema.parse({ municipality: ' Metepec ', title: 'Ejercicio 2027', period: { startDate: '2026-06-01', endDate: '2028-04-30' } }).municipality).toBe('Metepec');
    const bad = exerciseInputSchema.safeParse({ municipality: '', title: 'x', period: { startDate: '2027-01-01', endDate: '2027-06-01' } });
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['municipality', 'El municipio es obligatorio.']]);
    const reversed = exerciseInputSchema.safeParse({ municipality: 'Toluca', title: 'x', period: { startDate: '2027-06-01', endDate: '2027-01-01' } });
    expect(reversed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['period.endDate', 'La conclusión del ejercicio no puede ser anterior a su inicio.']]);
  });

  it('takes signatories with sector, role and date, and the signed document', () => {
    const d = declarationInputSchema.parse({
      signatories: [{ name: 'Gabriela Núñez', role: 'Presidenta Municipal', organization: 'H. Ayuntamiento de Metepec', sector: 'gobierno_municipal', signedOn: '2026-06-15' }],
      document: { kind: 'enlace', url: 'https://example.org/declaracion.pdf', title: 'Declaración' },
    });
    expect(d.place).toBe('');
    const bad = declarationInputSchema.safeParse({ signatories: [{ name: 'X', role: '', organization: 'Y', sector: 'partido', signedOn: '15/06/2026' }] });
    expect(bad.error?.issues.map((i) => i.message)).toEqual([
      'El cargo de quien firma es obligatorio.',
      'Elige el sector de quien firma.',
      'Indica la fecha de la firma (AAAA-MM-DD).',
    ]);
  });

  it('defaults a sensibilización event to the Infoem as convener', () => {
    const e = awarenessEventInputSchema.parse({ title: 'Sesión con OSC', date: '2026-07-01' });
    expect(e).toMatchObject({ convenedBy: 'Infoem', audience: [], attendance: null, joinedMemberIds: [], evidence: [] });
    expect(awarenessEventInputSchema.safeParse({ title: 'x', date: '2026-07-01', attendance: -3 }).error?.issues[0]?.message).toBe('La asistencia no puede ser negativa.');
  });

  it('takes planned dates for some phases only, in order', () => {
    expect(scheduleInputSchema.parse({ mesas: { plannedStart: '2026-09-01', plannedEnd: null } })).toEqual({ mesas: { plannedStart: '2026-09-01', plannedEnd: null } });
    expect(scheduleInputSchema.safeParse({ mesas: { plannedStart: '2026-09-01', plannedEnd: '2026-08-01' } }).error?.issues[0]?.message).toBe(
      'La conclusión prevista no puede ser anterior al inicio previsto.',
    );
    expect(scheduleInputSchema.safeParse({ fiesta: { plannedStart: null, plannedEnd: null } }).success).toBe(false);
  });
});
