import { sampleCommitmentVersion, samplePlan } from '@cocrea/domain/fixtures';
import { XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { toDocx } from './docx';

async function documentXml(buf: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  const file = zip.file('word/document.xml');
  if (!file) throw new Error('word/document.xml missing');
  return file.async('string');
}

describe('toDocx', () => {
  it('writes the plan, the elements as tables and es-MX dates', async () => {
    const { plan, versions } = samplePlan(3);
    const buf = await toDocx(plan, versions, { now: new Date('2027-02-02T18:00:00Z') });
    expect(buf.subarray(0, 2).toString()).toBe('PK');
    const xml = await documentXml(buf);
    expect(XMLValidator.validate(xml)).toBe(true);
    for (const text of [
      'Plan de Acción Municipal de Gobierno Abierto 2027',
      'Del 1 de febrero de 2027 al 31 de enero de 2028',
      'Compromiso 3. Monitoreo ciudadano de la calidad del agua 3',
      'Laura Méndez Ruiz',
      'Organismo Público Descentralizado de Agua',
      'Colonias con monitoreo ciudadano',
      '% = publicados / programados × 100',
      '30 de septiembre de 2027',
      '6. Agua limpia y saneamiento',
      'Baja calidad del agua potable',
      'No hay presupuesto para laboratorios',
      'a'.repeat(64),
      'Generado con cocrea el 2 de febrero de 2027',
    ]) {
      expect(xml).toContain(text);
    }
    expect(xml.match(/<w:tbl>/g)?.length).toBeGreaterThan(3 * 8);
  });

  it('numbers pages as "Página N de M"', async () => {
    const { plan, versions } = samplePlan(1);
    const zip = await JSZip.loadAsync(await toDocx(plan, versions));
    const footers = await Promise.all(zip.file(/word\/footer\d*\.xml/).map((f) => f.async('string')));
    const footer = footers.join('');
    expect(footer).toContain('Página ');
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
  });

  it('exports a single commitment under its own title', async () => {
    const xml = await documentXml(await toDocx(null, [sampleCommitmentVersion(5)]));
    expect(xml).toContain('Monitoreo ciudadano de la calidad del agua 5');
    expect(xml).toContain('COMPROMISO DE GOBIERNO ABIERTO');
    expect(xml).not.toContain('Compromisos del plan');
  });

  it('survives control characters in user text', async () => {
    const v = sampleCommitmentVersion();
    v.content.roadmap.finalResult = 'Resultado\u0000 con\u000B caracteres raros';
    const xml = await documentXml(await toDocx(null, [v]));
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('Resultado con caracteres raros');
  });

  it('renders a plan that has no commitments yet', async () => {
    const { plan } = samplePlan(0);
    const xml = await documentXml(await toDocx({ ...plan, status: 'borrador' }, []));
    expect(xml).toContain('Este plan aún no incluye compromisos finalizados.');
    expect(xml).toContain('Borrador');
  });
});
