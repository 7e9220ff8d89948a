import { MAX_FILE_BYTES } from '@cocrea/domain';
import { describe, expect, it } from 'vitest';
import { checkFile, megabytes } from './fileCheck';

describe('checkFile', () => {
  it('accepts an allowed type as the browser names it', () => {
    expect(checkFile({ name: 'acta.pdf', type: 'application/pdf', size: 1200 })).toEqual({ ok: true, mediaType: 'application/pdf' });
  });

  it('falls back to the extension when the browser gives no type or a platform type', () => {
    expect(checkFile({ name: 'datos.CSV', type: 'application/vnd.ms-excel', size: 10 })).toEqual({ ok: true, mediaType: 'text/csv' });
    expect(checkFile({ name: 'tabla.ods', type: '', size: 10 })).toEqual({ ok: true, mediaType: 'application/vnd.oasis.opendocument.spreadsheet' });
  });

  it('refuses archives, pages and executables, naming what is accepted', () => {
    const r = checkFile({ name: 'evidencias.zip', type: 'application/zip', size: 10 });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problem).toMatch(/^Tipo de archivo no admitido \(«evidencias\.zip»\)\. Se aceptan: PDF, JPEG/);
    expect(checkFile({ name: 'pagina.html', type: 'text/html', size: 10 }).ok).toBe(false);
    expect(checkFile({ name: 'logo.svg', type: 'image/svg+xml', size: 10 }).ok).toBe(false);
  });

  it('refuses an empty file and one over the limit, saying the size', () => {
    expect(checkFile({ name: 'vacio.txt', type: 'text/plain', size: 0 })).toEqual({ ok: false, problem: 'El archivo «vacio.txt» está vacío.' });
    expect(checkFile({ name: 'video.pdf', type: 'application/pdf', size: MAX_FILE_BYTES + 1 })).toEqual({
      ok: false,
      problem: 'El archivo «video.pdf» pesa más de 25 MB; el máximo es 25 MB.',
    });
    const big = checkFile({ name: 'grande.pdf', type: 'application/pdf', size: 40 * 1024 * 1024 });
    expect(!big.ok && big.problem).toBe('El archivo «grande.pdf» pesa 40 MB; el máximo es 25 MB.');
    expect(checkFile({ name: 'justo.pdf', type: 'application/pdf', size: MAX_FILE_BYTES }).ok).toBe(true);
  });

  it('writes sizes in megabytes', () => {
    expect(megabytes(3.25 * 1024 * 1024)).toBe('3.3 MB');
    expect(megabytes(25 * 1024 * 1024)).toBe('25 MB');
  });
});
