import { sampleCommitmentVersion, samplePlan } from '@cocrea/domain/fixtures';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ACTIVITIES_CSV_COLUMNS, toActivitiesCsv } from './csv';

const BOM = '\uFEFF';

describe('toActivitiesCsv', () => {
  it('starts with a BOM and the documented header', () => {
    const { plan, versions } = samplePlan(2);
    const csv = toActivitiesCsv(plan, versions);
    expect(csv.startsWith(BOM)).toBe(true);
    const header = csv.slice(1).split('\r\n')[0];
    expect(header).toBe(
      'pam_id,pam_titulo,municipio,pam_inicio_vigencia,pam_fin_vigencia,compromiso_id,compromiso_version,compromiso_titulo,' +
        'compromiso_descripcion,mesa,mesa_tematica,responsable_nombre,responsable_cargo,responsable_area,' +
        'corresponsable_organizacion,corresponsable_contacto,actividad_numero,actividad_id,actividad_descripcion,' +
        'actividad_responsable,actividad_inicio,actividad_conclusion,resultado_final,productos_esperados,indicadores,' +
        'medios_de_verificacion,compromiso_inicio,compromiso_conclusion,metas_ods,revision_decision,finalizado_por,' +
        'finalizado_en,huella_sha256',
    );
    expect(ACTIVITIES_CSV_COLUMNS).toHaveLength(header?.split(',').length ?? 0);
  });

  it('has one row per activity, with the commitment repeated on each', () => {
    const { plan, versions } = samplePlan(3);
    const rows = parse<Record<string, string>>(toActivitiesCsv(plan, versions), { bom: true, columns: true });
    const activities = versions.reduce((n, v) => n + v.content.roadmap.activities.length, 0);
    expect(rows).toHaveLength(activities);
    expect(rows[0]).toMatchObject({
      pam_titulo: 'Plan de Acción Municipal de Gobierno Abierto 2027',
      municipio: 'Toluca',
      compromiso_id: 'comp0001',
      actividad_numero: '1',
      actividad_descripcion: 'Diagnóstico participativo de la red de distribución',
      actividad_inicio: '2027-02-01',
      responsable_nombre: 'Laura Méndez Ruiz',
      metas_ods: '6.1 | 6.b | 16.7 | 16.10',
      revision_decision: 'Factible',
    });
    expect(rows[5]).toMatchObject({ compromiso_id: 'comp0002', actividad_numero: '3', responsable_nombre: 'Laura Méndez Ruiz' });
  });

  it('quotes commas, quotes and newlines and keeps accents intact', () => {
    const v = sampleCommitmentVersion();
    const tricky = 'Taller "Agua, vida"\nen la colonia Santa Cruz Atzcapotzaltongo, año 2027 — ñandú';
    const first = v.content.roadmap.activities[0];
    if (!first) throw new Error('fixture without activities');
    first.description = tricky;
    v.content.roadmap.responsible.name = 'José Ángel Núñez';
    v.content.roadmap.meansOfVerification = ['Acta\nfirmada'];
    const csv = toActivitiesCsv(null, [v]);
    expect(csv).toContain('"Taller ""Agua, vida""\nen la colonia Santa Cruz Atzcapotzaltongo, año 2027 — ñandú"');
    expect(csv).toContain(',"Acta\nfirmada",');
    const rows = parse<Record<string, string>>(csv, { bom: true, columns: true });
    expect(rows).toHaveLength(3);
    expect(rows[0]?.actividad_descripcion).toBe(tricky);
    expect(rows[0]?.responsable_nombre).toBe('José Ángel Núñez');
    expect(rows[0]?.pam_id).toBe('');
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('defuses spreadsheet formulas', () => {
    const v = sampleCommitmentVersion();
    v.content.roadmap.finalResult = '=HYPERLINK("http://example.invalid")';
    const rows = parse<Record<string, string>>(toActivitiesCsv(null, [v]), { bom: true, columns: true });
    expect(rows[0]?.resultado_final).toBe(`'=HYPERLINK("http://example.invalid")`);
  });

  it('keeps a commitment without activities as one row', () => {
    const v = sampleCommitmentVersion();
    v.content.roadmap.activities = [];
    const rows = parse<Record<string, string>>(toActivitiesCsv(null, [v]), { bom: true, columns: true });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ compromiso_id: 'comp0001', actividad_numero: '', actividad_descripcion: '' });
  });
});
