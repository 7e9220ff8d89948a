import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { contentProblem, zipEntryNames } from './fileSniff';

const bytes = (s: string) => new TextEncoder().encode(s);
const PDF = bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj <<>> endobj\n%%EOF\n');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]);
const WEBP = new Uint8Array([...bytes('RIFF'), 4, 0, 0, 0, ...bytes('WEBPVP8 ')]);

async function zip(entries: [string, string][], first?: [string, string]): Promise<Uint8Array> {
  const z = new JSZip();
  if (first) z.file(first[0], first[1], { compression: 'STORE' });
  for (const [name, content] of entries) z.file(name, content, { compression: 'DEFLATE' });
  return z.generateAsync({ type: 'uint8array' });
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
const ODT = 'application/vnd.oasis.opendocument.text';
const ODS = 'application/vnd.oasis.opendocument.spreadsheet';

describe('contentProblem', () => {
  it('accepts each allowed binary type by its magic bytes', () => {
    expect(contentProblem('application/pdf', PDF)).toBeNull();
    expect(contentProblem('application/pdf', new Uint8Array([...bytes('\r\n'), ...PDF]))).toBeNull();
    expect(contentProblem('image/png', PNG)).toBeNull();
    expect(contentProblem('image/jpeg', JPEG)).toBeNull();
    expect(contentProblem('image/webp', WEBP)).toBeNull();
  });

  it('tells Office and OpenDocument files apart by the entries of their ZIP container', async () => {
    const docx = await zip([['[Content_Types].xml', '<Types/>'], ['word/document.xml', '<w:document/>']]);
    const xlsx = await zip([['[Content_Types].xml', '<Types/>'], ['xl/workbook.xml', '<workbook/>']]);
    const pptx = await zip([['[Content_Types].xml', '<Types/>'], ['ppt/presentation.xml', '<p/>']]);
    const odt = await zip([['content.xml', '<office/>']], ['mimetype', ODT]);
    const ods = await zip([['content.xml', '<office/>']], ['mimetype', ODS]);
    expect(zipEntryNames(docx)).toEqual(['[Content_Types].xml', 'word/', 'word/document.xml']);
    expect([contentProblem(DOCX, docx), contentProblem(XLSX, xlsx), contentProblem(PPTX, pptx), contentProblem(ODT, odt), contentProblem(ODS, ods)]).toEqual([null, null, null, null, null]);
    expect(contentProblem(DOCX, xlsx)).toBe('El archivo se declaró como Word (DOCX), pero su contenido es Excel (XLSX).');
    expect(contentProblem(ODS, odt)).toBe('El archivo se declaró como OpenDocument hoja de cálculo (ODS), pero su contenido es OpenDocument texto (ODT).');
    const plainZip = await zip([['datos.csv', 'a,b']]);
    expect(contentProblem(DOCX, plainZip)).toBe('El archivo no es un documento Word (DOCX) válido.');
    expect(contentProblem('text/plain', plainZip)).toBe('El archivo se declaró como Texto, pero su contenido es un archivo comprimido (ZIP).');
  });

  it('refuses a binary declared as another', () => {
    expect(contentProblem('application/pdf', PNG)).toBe('El archivo se declaró como PDF, pero su contenido es PNG.');
    expect(contentProblem('image/png', JPEG)).toBe('El archivo se declaró como PNG, pero su contenido es JPEG.');
    expect(contentProblem('image/jpeg', bytes('hola'))).toBe('El contenido del archivo no corresponde a un JPEG.');
  });

  it('takes text only as UTF-8 without control characters, never markup, and JSON only when it parses', () => {
    expect(contentProblem('text/plain', bytes('Relatoría del foro: 120 asistentes.\n'))).toBeNull();
    expect(contentProblem('text/csv', bytes('\uFEFFcolonia,fugas\r\nCentro,3\r\n'))).toBeNull();
    expect(contentProblem('application/json', bytes('{"a": [1, "dos"]}'))).toBeNull();
    expect(contentProblem('text/plain', new Uint8Array([0x48, 0xc3, 0x28]))).toBe('El archivo no es texto UTF-8.');
    expect(contentProblem('text/plain', bytes('uno\u0000dos'))).toBe('El archivo tiene caracteres de control: no es texto.');
    expect(contentProblem('text/plain', bytes('  <!doctype html><script>x</script>'))).toBe('El archivo parece una página HTML o un documento XML o SVG, que no se admiten.');
    expect(contentProblem('text/csv', bytes('<svg onload="x"/>'))).toMatch(/parece una página HTML/);
    expect(contentProblem('application/json', bytes('{"a":'))).toBe('El archivo no es JSON válido.');
    expect(contentProblem('text/plain', PDF)).toBe('El archivo se declaró como Texto, pero su contenido es PDF.');
  });
});
