import { describe, expect, it } from 'vitest';
import { demoExercise } from './demoExercise';
import { exerciseOverview } from './exercisePhases';
import { odsRollup } from './odsRollup';
import { EVIDENCE_COLUMNS, ODS_COLUMNS, PHASE_COLUMNS, STM_COLUMNS, TRACKING_COLUMNS, evidenceRows, odsRows, phaseRows, stmRows, trackingRows } from './openData';
import { EVALUATION_COLUMNS, evaluationRows } from './openDataEvaluation';
import { planProgress } from './progress';

const d = demoExercise();
const { plan, versions } = d;
const tracking = d.records.tracking;
const keys = (rows: object[]) => [...new Set(rows.map((r) => Object.keys(r).join(',')))];

describe('open data rows', () => {
  it('has exactly the documented columns, in order, in every table', () => {
    const pp = planProgress(plan, versions, tracking);
    expect(keys(trackingRows(plan, versions, tracking))).toEqual([TRACKING_COLUMNS.join(',')]);
    expect(keys(evidenceRows(plan, versions, tracking, (f) => `/f/${f.sha256}`))).toEqual([EVIDENCE_COLUMNS.join(',')]);
    expect(keys(odsRows(odsRollup(versions, pp)))).toEqual([ODS_COLUMNS.join(',')]);
    expect(keys(stmRows(d.exercise.stm, d.members))).toEqual([STM_COLUMNS.join(',')]);
    expect(keys(phaseRows(exerciseOverview(d.records, d.today)))).toEqual([PHASE_COLUMNS.join(',')]);
    expect(keys(evaluationRows(plan, versions, d.records.monitoring, null))).toEqual([EVALUATION_COLUMNS.join(',')]);
  });

  it('gives one tablero row per activity with the commitment roll-up repeated', () => {
    const rows = trackingRows(plan, versions, tracking);
    expect(rows).toHaveLength(9);
    expect(rows.map((r) => [r.compromiso_id, r.actividad_numero, r.actividad_avance, r.actividad_estado])).toEqual([
      ['compAguaMet', 1, 100, 'Concluida'],
      ['compAguaMet', 2, 60, 'En proceso'],
      ['compAguaMet', 3, 75, 'En proceso'],
      ['compPresMet', 1, 100, 'Concluida'],
      ['compPresMet', 2, 40, 'En proceso'],
      ['compPresMet', 3, 50, 'En proceso'],
      ['compSegMet', 1, 60, 'En proceso'],
      ['compSegMet', 2, 0, 'No iniciada'],
      ['compSegMet', 3, 25, 'En proceso'],
    ]);
    expect(rows[0]).toMatchObject({ compromiso_avance: 78.3, compromiso_nivel_ogp: 'Sustancial', evidencias: 2 });
    expect(rows[7]).toMatchObject({ evidencias: 0, ultima_evidencia: null, ultima_actualizacion: null });
  });

  it('lists evidence with a public address for files and links alike', () => {
    const rows = evidenceRows(plan, versions, tracking, (f) => `https://cocrea.example.org/archivos/${f.sha256}`);
    expect(rows).toHaveLength(18);
    const file = rows.find((r) => r.tipo === 'archivo');
    const link = rows.find((r) => r.tipo === 'enlace');
    expect(file?.url).toMatch(/^https:\/\/cocrea\.example\.org\/archivos\/[0-9a-f]{64}$/);
    expect(typeof file?.tipo_de_medio).toBe('string');
    expect(typeof file?.bytes).toBe('number');
    expect(link).toMatchObject({ tipo_de_medio: null, bytes: null, sha256: null });
    expect(link?.url).toMatch(/^https:\/\//);
    expect(rows.map((r) => r.compromiso_id)).toEqual([...rows.map((r) => r.compromiso_id)].sort());
  });

  it('shows the STM without contacts, titular then suplente, then the facilitator', () => {
    const rows = stmRows(d.exercise.stm, d.members);
    expect(rows.map((r) => [r.sector, r.calidad, r.nombre])).toEqual([
      ['sociedad_civil', 'titular', 'Mariana Velázquez Ortega'],
      ['sociedad_civil', 'suplente', 'Joaquín Estrada Villegas'],
      ['gobierno_municipal', 'titular', 'Arturo Salgado Medina'],
      ['gobierno_municipal', 'suplente', 'Claudia Reyes Montiel'],
      ['organo_garante', 'titular', 'Sofía Garduño Pliego'],
      ['organo_garante', 'suplente', 'Andrés Villafaña Rojas'],
      ['sociedad_civil', 'facilitador', 'Lucía Benítez Carranza'],
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/@|722/);
  });

  it('rolls ODS targets into rows and phases into rows', () => {
    const rows = odsRows(odsRollup(versions, planProgress(plan, versions, tracking)));
    expect(rows.map((r) => r.ods_meta)).toEqual(['6.1', '6.4', '6.b', '11.7', '16.1', '16.5', '16.6', '16.7', '16.10']);
    expect(rows.find((r) => r.ods_meta === '16.10')).toMatchObject({ ods_objetivo: 16, compromisos: 'compAguaMet | compPresMet | compSegMet', compromisos_numero: 3, ods_objetivo_avance: 56.7 });
    const phases = phaseRows(exerciseOverview(d.records, d.today));
    expect(phases.map((p) => [p.numero, p.actual, p.completa])).toEqual([
      [1, 'no', 'sí'],
      [2, 'no', 'sí'],
      [3, 'no', 'sí'],
      [4, 'no', 'sí'],
      [5, 'no', 'sí'],
      [6, 'sí', 'no'],
    ]);
  });

  it('writes monitoring and evaluation in long form, one row per criterion', () => {
    const rows = evaluationRows(plan, versions, d.records.monitoring, null);
    expect(rows).toHaveLength(3 * (10 + 3));
    expect(rows.filter((r) => r.compromiso_id === 'compSegMet' && r.criterio === 'medible')[0]).toMatchObject({ grupo: 'calidad', valoracion: 'cumple_parcialmente', valoracion_nombre: 'Cumple parcialmente' });
    expect(rows.find((r) => r.compromiso_id === 'compPresMet' && r.criterio === 'avance')).toMatchObject({ valoracion: 48.3, valoracion_nombre: 'Limitado', fecha: '2027-08-15' });
    const evaluation = {
      id: 'ev',
      planId: plan.id,
      date: '2028-03-01',
      conductedBy: 'Infoem',
      summary: '',
      recorded: { by: { id: 'x', name: 'X' }, at: '2028-03-01T00:00:00Z' },
      commitments: [
        {
          commitmentId: 'compAguaMet',
          verifiable: { value: true, reasons: 'a' },
          potentialForResults: { value: 'sustancial' as const, reasons: 'b' },
          completion: { value: 'completo' as const, reasons: 'c' },
          openedGovernment: { value: 'mayor' as const, reasons: 'd' },
        },
      ],
    };
    const final = evaluationRows(plan, versions, null, evaluation);
    expect(final.map((r) => [r.criterio, r.valoracion, r.valoracion_nombre])).toEqual([
      ['verificable', 'si', 'Sí'],
      ['potencial_de_resultados', 'sustancial', 'Sustancial'],
      ['cumplimiento', 'completo', 'Completo'],
      ['abrio_el_gobierno', 'mayor', 'Mayor'],
    ]);
  });
});
