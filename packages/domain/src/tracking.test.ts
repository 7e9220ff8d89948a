import { describe, expect, it } from 'vitest';
import {
  applyProgress,
  newActivityTracking,
  progressUpdateInputSchema,
  statusForProgress,
  trackingAsOf,
  type ActivityTracking,
  type EvidenceInput,
  type ProgressContext,
  type ProgressUpdateInput,
} from './tracking';

const MEANS = ['Actas de instalación firmadas', 'Conjuntos de datos publicados en el portal municipal'];
let counter = 0;
const ctx = (over: Partial<ProgressContext> = {}): ProgressContext => ({
  today: '2027-06-10',
  launchDate: '2027-02-01',
  meansOfVerification: MEANS,
  stamp: { by: { id: 'u1', name: 'Laura Méndez' }, at: '2027-06-10T18:00:00.000Z' },
  newId: () => `ev${++counter}`,
  ...over,
});
const sha = (c: string) => c.repeat(64);
const evidence = (over: Partial<EvidenceInput> = {}): EvidenceInput => ({
  date: '2027-06-01',
  description: 'Acta de instalación del comité 1',
  meansOfVerification: 'Actas de instalación firmadas',
  document: { kind: 'archivo', name: 'acta-1.pdf', mediaType: 'application/pdf', bytes: 120_000, sha256: sha('a') },
  ...over,
});
const advance = (progress: number, ev: EvidenceInput[] = [], note = ''): ProgressUpdateInput => ({ action: 'avance', progress, evidence: ev, note });
const fresh = () => newActivityTracking('pam1', 'comp1', 'a1');
function ok(activity: ActivityTracking, update: ProgressUpdateInput, c = ctx()): ActivityTracking {
  const r = applyProgress(activity, update, c);
  if (!r.ok) throw new Error(r.problems.join('\n'));
  return r.activity;
}
const problems = (activity: ActivityTracking, update: ProgressUpdateInput, c = ctx()) => {
  const r = applyProgress(activity, update, c);
  return r.ok ? [] : r.problems;
};

describe('applyProgress', () => {
  it('refuses progress without evidence', () => {
    expect(problems(fresh(), advance(30))).toEqual(['Para subir el avance de 0 % a 30 % adjunta al menos una evidencia.']);
  });

  it('advances with evidence, records it and the step, and derives the status', () => {
    const a = ok(fresh(), advance(30, [evidence()], 'Comité 1 instalado.'));
    expect(a.progress).toBe(30);
    expect(a.status).toBe('en_proceso');
    expect(a.evidence).toHaveLength(1);
    expect(a.evidence[0]?.id).toMatch(/^ev\d+$/);
    expect(a.evidence[0]).toMatchObject({ date: '2027-06-01', meansOfVerification: 'Actas de instalación firmadas', added: ctx().stamp });
    expect(a.history).toEqual([{ from: 0, to: 30, status: 'en_proceso', evidenceIds: [a.evidence[0]!.id], note: 'Comité 1 instalado.', stamp: ctx().stamp }]);
    const done = ok(a, advance(100, [evidence({ document: { kind: 'enlace', url: 'https://datos.example.org/comites', title: 'Comités' } })]));
    expect(done.status).toBe('concluida');
    expect(done.evidence).toHaveLength(2);
  });

  it('needs new evidence for every rise: evidence from an earlier step does not count again', () => {
    const a = ok(fresh(), advance(30, [evidence()]));
    expect(problems(a, advance(40))).toEqual(['Para subir el avance de 30 % a 40 % adjunta al menos una evidencia.']);
  });

  it('refuses lowering progress', () => {
    const a = ok(fresh(), advance(50, [evidence()]));
    expect(problems(a, advance(20))).toEqual(['El avance no puede bajar: va en 50 % y se indicó 20 %.']);
  });

  it('refuses evidence dated in the future or before the PAM launch', () => {
    expect(problems(fresh(), advance(10, [evidence({ date: '2027-06-11' })]))).toEqual(['La evidencia tiene fecha futura (11 de junio de 2027).']);
    expect(problems(fresh(), advance(10, [evidence({ date: '2027-01-31' })]))).toEqual(['La evidencia es anterior al lanzamiento del PAM (1 de febrero de 2027).']);
  });

  it('requires evidence to match a means of verification of the roadmap, ignoring case and spaces', () => {
    expect(problems(fresh(), advance(10, [evidence({ meansOfVerification: 'Fotografías' })]))).toEqual([
      'La evidencia debe corresponder a un medio de verificación de la hoja de ruta: Actas de instalación firmadas; Conjuntos de datos publicados en el portal municipal.',
    ]);
    const a = ok(fresh(), advance(10, [evidence({ meansOfVerification: '  actas de  INSTALACIÓN firmadas ' })]));
    expect(a.evidence[0]?.meansOfVerification).toBe('Actas de instalación firmadas');
    expect(problems(fresh(), advance(10, [evidence()]), ctx({ meansOfVerification: [] }))).toEqual([
      'La evidencia no puede registrarse: la hoja de ruta no nombra medios de verificación.',
    ]);
  });

  it('refuses attaching the same file or link twice to one activity', () => {
    const a = ok(fresh(), advance(10, [evidence()]));
    expect(problems(a, advance(20, [evidence({ description: 'Otra vez' })]))).toEqual(['La evidencia ya está adjunta a esta actividad.']);
    const link = evidence({ document: { kind: 'enlace', url: 'https://datos.example.org/x', title: 'X' } });
    expect(problems(fresh(), advance(10, [link, link]))).toEqual(['Evidencia 2 ya está adjunta a esta actividad.']);
  });

  it('reports every problem of an update at once, numbering the evidence', () => {
    const a = ok(fresh(), advance(50, [evidence()]));
    expect(problems(a, advance(40, [evidence({ date: '2027-07-01', meansOfVerification: 'Otro', document: { kind: 'enlace', url: 'https://e.example.org', title: 'E' } }), evidence({ date: '2027-01-01' })]))).toEqual([
      'El avance no puede bajar: va en 50 % y se indicó 40 %.',
      'Evidencia 1 tiene fecha futura (1 de julio de 2027).',
      'Evidencia 1 debe corresponder a un medio de verificación de la hoja de ruta: Actas de instalación firmadas; Conjuntos de datos publicados en el portal municipal.',
      'Evidencia 2 es anterior al lanzamiento del PAM (1 de febrero de 2027).',
      'Evidencia 2 ya está adjunta a esta actividad.',
    ]);
  });

  it('accepts evidence or a note without a change of progress, but not an empty update', () => {
    const a = ok(fresh(), advance(0, [evidence()]));
    expect(a).toMatchObject({ progress: 0, status: 'no_iniciada' });
    expect(a.evidence).toHaveLength(1);
    expect(ok(a, advance(0, [], 'Se reprogramó la instalación.')).history).toHaveLength(2);
    expect(problems(a, advance(0))).toEqual(['La actualización no cambia nada: indica un nuevo avance, adjunta evidencia o escribe una nota.']);
  });

  it('changes nothing before the launch or while the plan is unpublished', () => {
    expect(problems(fresh(), advance(10, [evidence()]), ctx({ today: '2027-01-20' }))).toEqual(['La implementación empieza con el lanzamiento del PAM, el 1 de febrero de 2027.']);
    expect(problems(fresh(), advance(10, [evidence()]), ctx({ launchDate: null }))).toEqual(['El PAM aún no se publica: el seguimiento empieza con su lanzamiento.']);
  });

  it('cancels with a reason, keeps the progress reached and then refuses every change', () => {
    const a = ok(fresh(), advance(40, [evidence()]));
    const cancelled = ok(a, { action: 'cancelar', reason: 'Sin presupuesto aprobado por el Cabildo.' });
    expect(cancelled).toMatchObject({ status: 'cancelada', progress: 40 });
    expect(cancelled.history.at(-1)).toMatchObject({ from: 40, to: 40, status: 'cancelada', note: 'Sin presupuesto aprobado por el Cabildo.' });
    expect(problems(cancelled, advance(60, [evidence({ document: { kind: 'enlace', url: 'https://x.example.org', title: 'X' } })]))).toEqual([
      'La actividad está cancelada: ya no admite cambios.',
    ]);
  });

  it('does not mutate the activity it was given', () => {
    const a = fresh();
    const before = structuredClone(a);
    ok(a, advance(10, [evidence()]));
    expect(a).toEqual(before);
  });
});

describe('progressUpdateInputSchema', () => {
  it('takes an integer percentage from 0 to 100', () => {
    expect(progressUpdateInputSchema.parse({ action: 'avance', progress: 20 })).toEqual({ action: 'avance', progress: 20, evidence: [], note: '' });
    expect(progressUpdateInputSchema.safeParse({ action: 'avance', progress: 101 }).error?.issues[0]?.message).toBe('El avance va de 0 a 100.');
    expect(progressUpdateInputSchema.safeParse({ action: 'avance', progress: 12.5 }).error?.issues[0]?.message).toBe('El avance es un porcentaje entero.');
  });

  it('needs a reason to cancel and a known action', () => {
    expect(progressUpdateInputSchema.safeParse({ action: 'cancelar', reason: ' ' }).error?.issues[0]?.message).toBe('Explica por qué se cancela la actividad.');
    expect(progressUpdateInputSchema.safeParse({ action: 'borrar' }).error?.issues[0]?.message).toBe('La actualización debe ser un avance o una cancelación.');
  });

  it('checks each evidence item', () => {
    const r = progressUpdateInputSchema.safeParse({ action: 'avance', progress: 10, evidence: [{ date: '2027-02-30', description: '', meansOfVerification: 'X', document: { kind: 'enlace', url: 'javascript:alert(1)', title: 'x' } }] });
    expect(r.error?.issues.map((i) => i.message)).toEqual([
      'Indica la fecha de la evidencia (AAAA-MM-DD).',
      'Describe qué muestra la evidencia.',
      'El enlace debe ser una dirección web completa (https://…).',
    ]);
  });
});

describe('statusForProgress and trackingAsOf', () => {
  it('maps percentages to statuses', () => {
    expect([0, 1, 99, 100].map(statusForProgress)).toEqual(['no_iniciada', 'en_proceso', 'en_proceso', 'concluida']);
  });

  it('rebuilds an activity as it stood at the end of a day, in Mexico time', () => {
    let a = ok(fresh(), advance(30, [evidence()]), ctx({ stamp: { by: { id: 'u', name: 'U' }, at: '2027-06-02T05:30:00.000Z' } }));
    a = ok(a, advance(60, [evidence({ document: { kind: 'enlace', url: 'https://d.example.org', title: 'D' } })]), ctx({ stamp: { by: { id: 'u', name: 'U' }, at: '2027-06-05T18:00:00.000Z' } }));
    expect(trackingAsOf(a, '2027-05-31')).toMatchObject({ progress: 0, status: 'no_iniciada', evidence: [], history: [] });
    const first = trackingAsOf(a, '2027-06-01');
    expect(first).toMatchObject({ progress: 30, status: 'en_proceso' });
    expect(first.evidence).toHaveLength(1);
    expect(trackingAsOf(a, '2027-06-05').progress).toBe(60);
  });
});
