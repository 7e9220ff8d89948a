import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleCommitmentVersion, samplePlan } from '@cocrea/domain/fixtures';
import { afterAll, describe, expect, it } from 'vitest';
import { toPdf } from './pdf';

const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;
const dir = mkdtempSync(join(tmpdir(), 'cocrea-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The PDF's text, as a person copying it (or a search engine) would get it. */
function pdfText(pdf: Buffer): string {
  if (!hasPdftotext) {
    throw new Error('pdftotext not found: the PDF tests need Debian package "poppler-utils" (apt-get install poppler-utils; CI installs it in .ci/run).');
  }
  const file = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  // Table cells wrap, so compare with whitespace collapsed.
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('toPdf', () => {
  it('has the title, responsible, indicator and es-MX dates as extractable text, accents included', async () => {
    const { plan, versions } = samplePlan(3);
    const pdf = await toPdf(plan, versions, { now: new Date('2027-02-02T18:00:00Z') });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const t of [
      'Plan de Acción Municipal de Gobierno Abierto 2027',
      'Del 1 de febrero de 2027 al 31 de enero de 2028',
      'Laura Méndez Ruiz',
      'Colonias con monitoreo ciudadano',
      '30 de septiembre de 2027',
      'Alineación con los Objetivos de Desarrollo Sostenible',
      'Revisión de factibilidad y viabilidad',
      'Árbol de problemas acordado',
      'No hay presupuesto para laboratorios',
      'Generado con cocrea el 2 de febrero de 2027',
    ]) {
      expect(text).toContain(t);
    }
  });

  it('numbers every page "Página N de M"', async () => {
    const { plan, versions } = samplePlan(3);
    const text = pdfText(await toPdf(plan, versions));
    const numbers = [...text.matchAll(/Página (\d+) de (\d+)/g)];
    const total = Number(numbers[0]?.[2]);
    expect(total).toBeGreaterThan(3);
    expect(numbers.map((m) => Number(m[1]))).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(numbers.every((m) => Number(m[2]) === total)).toBe(true);
  });

  it('paginates a long table without losing rows', async () => {
    const v = sampleCommitmentVersion();
    v.content.roadmap.activities = Array.from({ length: 80 }, (_, i) => ({
      id: `a${i}`,
      description: `Actividad número ${i + 1} de difusión en la delegación San Pablo Autopan`,
      responsible: 'Dirección de Participación Ciudadana',
      startDate: '2027-03-01',
      endDate: '2027-12-15',
    }));
    v.content.commitment.description = 'Descripción muy larga. '.repeat(400);
    const text = pdfText(await toPdf(null, [v]));
    for (const n of [1, 40, 80]) expect(text).toContain(`Actividad número ${n} de difusión`);
    expect(text).toContain('15 de diciembre de 2027');
  });

  it('renders a plan that has no commitments yet', async () => {
    const { plan } = samplePlan(0);
    const text = pdfText(await toPdf({ ...plan, launchDate: null, validUntil: null, status: 'borrador', approved: null, published: null }, []));
    expect(text).toContain('Este plan aún no incluye compromisos finalizados.');
    expect(text).toContain('Por definir');
    expect(text).toContain('Página 1 de 1');
  });
});
