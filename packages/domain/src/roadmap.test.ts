import { describe, expect, it } from 'vitest';
import { cleanRoadmap, roadmapProblems, type RoadmapDraft } from './roadmap';
import { ODS_GOALS, ODS_TARGET_CODES } from './ods';
import { canonicalJson } from './snapshot';
import { validUntil } from './actionPlan';

export function completeDraft(): RoadmapDraft {
  return {
    narrative: 'Contexto',
    responsible: { name: 'Laura Méndez', position: 'Directora de Agua', office: 'Organismo de Agua' },
    coResponsible: { organization: 'Agua Clara A.C.', contact: 'contacto@aguaclara.mx' },
    activities: [{ id: 'a1', description: 'Diagnóstico de la red', responsible: 'Laura Méndez', startDate: '2027-01-15', endDate: '2027-03-31' }],
    finalResult: 'Red de agua con monitoreo público',
    expectedProducts: ['Tablero de calidad del agua'],
    indicators: [{ id: 'i1', name: 'Colonias con monitoreo', unit: 'colonias', baseline: '0', goal: '12' }],
    meansOfVerification: ['Informe trimestral publicado'],
    startDate: '2027-01-15',
    endDate: '2027-12-15',
    odsTargets: ['6.1', '16.10'],
  };
}

describe('roadmapProblems', () => {
  it('accepts a complete roadmap', () => {
    expect(roadmapProblems(completeDraft(), ODS_TARGET_CODES)).toEqual([]);
  });

  it('lists every missing element of an empty roadmap, in the guide order', () => {
    const empty: RoadmapDraft = {
      narrative: '',
      responsible: { name: '', position: '', office: '' },
      coResponsible: { organization: '', contact: '' },
      activities: [],
      finalResult: ' ',
      expectedProducts: [''],
      indicators: [],
      meansOfVerification: [],
      startDate: '',
      endDate: '',
      odsTargets: [],
    };
    expect(roadmapProblems(empty)).toEqual([
      '1) Falta el nombre de la persona servidora pública responsable.',
      '1) Falta el cargo de la persona servidora pública responsable.',
      '1) Falta el área o dependencia de la persona servidora pública responsable.',
      '2) Falta la organización de la sociedad civil co-responsable.',
      '3) Falta al menos una actividad.',
      '4) Falta el resultado final.',
      '5) Falta al menos un producto esperado.',
      '6) Falta al menos un indicador.',
      '7) Falta al menos un medio de verificación.',
      '8) Falta la fecha de inicio.',
      '8) Falta la fecha de conclusión.',
    ]);
  });

  it('checks each activity and indicator, and dates against the commitment', () => {
    const d = completeDraft();
    d.activities.push({ id: 'a2', description: '', responsible: '', startDate: '2027-05-01', endDate: '2028-02-01' });
    d.indicators.push({ id: 'i2', name: 'x', unit: '', baseline: '', goal: '5' });
    d.odsTargets.push('99.1');
    expect(roadmapProblems(d, ODS_TARGET_CODES)).toEqual([
      '3) Actividad 2: falta la descripción.',
      '3) Actividad 2: falta la persona responsable.',
      '3) Actividad 2: termina después que el compromiso.',
      '6) Indicador 2: falta la unidad de medida o fórmula.',
      '6) Indicador 2: falta la línea base.',
      'ODS: la meta 99.1 no existe.',
    ]);
  });
});

describe('cleanRoadmap', () => {
  it('trims text, drops empty list entries and sorts ODS targets numerically', () => {
    const d = completeDraft();
    d.expectedProducts = ['  Tablero  ', ''];
    d.odsTargets = ['16.10', '6.1', '16.2', '6.1'];
    const r = cleanRoadmap(d);
    expect(r.expectedProducts).toEqual(['Tablero']);
    expect(r.odsTargets).toEqual(['6.1', '16.2', '16.10']);
  });
});

describe('ODS data', () => {
  it('has 17 goals and 169 targets', () => {
    expect(ODS_GOALS).toHaveLength(17);
    expect(ODS_TARGET_CODES.size).toBe(169);
    expect(ODS_TARGET_CODES.has('16.10')).toBe(true);
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: undefined, x: 0 }], c: 'é' } })).toBe('{"a":{"c":"é","d":[2,{"x":0,"z":1}]},"b":1}');
  });
});

describe('validUntil', () => {
  it('is one year after launch, minus a day', () => {
    expect(validUntil('2027-02-01')).toBe('2028-01-31');
  });
});
