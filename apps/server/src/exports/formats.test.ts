import { describe, expect, it } from 'vitest';
import { formatDate, formatInstant, formatValidity } from './format';
import { EXPORT_FORMATS, exportFileName, isExportFormat } from './formats';

describe('exportFileName', () => {
  it('folds accents and punctuation into a safe ASCII slug', () => {
    expect(exportFileName('PAM Toluca 2027', 'docx')).toBe('pam-toluca-2027.docx');
    expect(exportFileName('Plan de Acción — Ñuu Savi / "San Andrés" 2027', 'pdf')).toBe('plan-de-accion-nuu-savi-san-andres-2027.pdf');
    expect(exportFileName('pam-toluca-2027', 'decidim.csv')).toBe('pam-toluca-2027.decidim.csv');
  });

  it('never returns an empty or overlong name', () => {
    expect(exportFileName('¿¡!?', 'json')).toBe('exportacion.json');
    expect(exportFileName('../../etc/passwd', 'csv')).toBe('etc-passwd.csv');
    const long = exportFileName('palabra '.repeat(40), 'png');
    expect(long.length).toBeLessThanOrEqual(84);
    expect(long).toMatch(/^[a-z0-9-]+\.png$/);
    expect(long).not.toMatch(/-\.png$/);
  });

  it('knows every format and its content type', () => {
    expect(Object.keys(EXPORT_FORMATS).sort()).toEqual(['csv', 'decidim.csv', 'docx', 'json', 'pdf', 'png', 'svg']);
    expect(EXPORT_FORMATS.docx.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(isExportFormat('decidim.csv')).toBe(true);
    expect(isExportFormat('toString')).toBe(false);
  });
});

describe('es-MX dates', () => {
  it('shows calendar dates in long Spanish form without time-zone drift', () => {
    expect(formatDate('2027-02-01')).toBe('1 de febrero de 2027');
    expect(formatDate('2028-01-31')).toBe('31 de enero de 2028');
    expect(formatDate('')).toBe('sin fecha');
    expect(formatDate('2027-02-30')).toBe('sin fecha');
    expect(formatDate('1 de febrero de 2027')).toBe('sin fecha');
  });

  it('shows instants in central Mexico time', () => {
    expect(formatInstant('2026-11-20T18:30:00.000Z')).toBe('20 de noviembre de 2026, 12:30 h (hora del centro de México)');
    expect(formatInstant('2027-01-01T03:00:00.000Z')).toMatch(/^31 de diciembre de 2026/);
  });

  it('describes validity', () => {
    expect(formatValidity('2027-02-01', '2028-01-31')).toBe('Del 1 de febrero de 2027 al 31 de enero de 2028');
    expect(formatValidity(null, null)).toMatch(/^Por definir/);
  });
});
