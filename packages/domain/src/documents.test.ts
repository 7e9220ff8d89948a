import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, documentRefSchema, documentTitle } from './documents';

const file = { kind: 'archivo', name: 'acta.pdf', mediaType: 'application/pdf', bytes: 2048, sha256: 'ab'.repeat(32) };
const msg = (v: unknown) => documentRefSchema.safeParse(v).error?.issues.map((i) => i.message);

describe('documentRefSchema', () => {
  it('accepts an allowed file and an https link', () => {
    expect(documentRefSchema.parse(file)).toEqual(file);
    expect(documentRefSchema.parse({ kind: 'enlace', url: ' https://example.org/acta ', title: 'Acta' })).toEqual({ kind: 'enlace', url: 'https://example.org/acta', title: 'Acta' });
  });

  it('refuses file types that could carry anything', () => {
    for (const mediaType of ['application/x-msdownload', 'text/html', 'application/zip', 'image/svg+xml']) {
      expect(msg({ ...file, mediaType })?.[0]).toMatch(/^Tipo de archivo no admitido\. Se aceptan: PDF, JPEG, PNG/);
    }
  });

  it('refuses empty, oversized and unhashed files', () => {
    expect(msg({ ...file, bytes: 0 })).toEqual(['El archivo está vacío.']);
    expect(msg({ ...file, bytes: MAX_FILE_BYTES + 1 })).toEqual(['El archivo supera el máximo de 25 MB.']);
    expect(msg({ ...file, bytes: MAX_FILE_BYTES })).toBeUndefined();
    expect(msg({ ...file, sha256: 'xyz' })).toEqual(['La huella SHA-256 del archivo no es válida.']);
    expect(msg({ ...file, name: ' ' })).toEqual(['El archivo necesita un nombre.']);
  });

  it('refuses links that are not web addresses', () => {
    for (const url of ['javascript:alert(1)', 'ftp://example.org/x', 'example.org', 'file:///etc/passwd']) {
      expect(msg({ kind: 'enlace', url, title: 'x' })).toEqual(['El enlace debe ser una dirección web completa (https://…).']);
    }
    expect(msg({ kind: 'enlace', url: 'https://example.org', title: '' })).toEqual(['Describe a qué lleva el enlace.']);
    expect(msg({ kind: 'otro' })).toEqual(['El documento debe ser un archivo o un enlace.']);
  });

  it('names a document by its file name or link title', () => {
    expect(documentTitle(file as never)).toBe('acta.pdf');
    expect(documentTitle({ kind: 'enlace', url: 'https://e.org', title: 'Acta' })).toBe('Acta');
  });
});
