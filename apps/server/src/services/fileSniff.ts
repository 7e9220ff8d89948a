import { ALLOWED_MEDIA_TYPES } from '@cocrea/domain';

/**
 * Does an uploaded file's content match the type it was declared with? The micrositio serves
 * these files to anyone, so the declared type is never trusted: binary formats are recognised by
 * their magic bytes (and, for Office and OpenDocument files, by the entries of their ZIP
 * container), text formats must be UTF-8 text without control characters, must not be markup a
 * browser could run (HTML, SVG, XML), and JSON must parse. This covers exactly the domain's
 * `ALLOWED_MEDIA_TYPES`; a general-purpose sniffer (the `file-type` package) would recognise
 * hundreds of formats but neither tell OOXML documents apart by their entries nor check text.
 */

const OOXML: Record<string, string> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'word/',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xl/',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'ppt/',
};
const ODF = new Set(['application/vnd.oasis.opendocument.text', 'application/vnd.oasis.opendocument.spreadsheet']);
const TEXT = new Set(['text/plain', 'text/csv', 'application/json']);

const at = (b: Uint8Array, offset: number, sig: readonly number[]) => sig.every((x, i) => b[offset + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const u16 = (b: Uint8Array, o: number) => (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, o: number) => (u16(b, o) | (u16(b, o + 2) << 16)) >>> 0;

const PDF = ascii('%PDF-');
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** Whether `%PDF-` appears within the first KiB (the PDF specification tolerates leading bytes). */
function isPdf(b: Uint8Array): boolean {
  const head = b.subarray(0, 1024);
  for (let i = 0; i + PDF.length <= head.length; i++) if (at(head, i, PDF)) return true;
  return false;
}

/** Names of the entries of a ZIP archive, read from its central directory; `null` when it is not one. */
export function zipEntryNames(b: Uint8Array): string[] | null {
  if (!at(b, 0, ZIP)) return null;
  const end = [0x50, 0x4b, 0x05, 0x06];
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65_535); i--) {
    if (at(b, i, end)) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = u16(b, eocd + 10);
  let p = u32(b, eocd + 16);
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (p + 46 > b.length || !at(b, p, [0x50, 0x4b, 0x01, 0x02])) return null;
    const nameLength = u16(b, p + 28);
    names.push(decoder.decode(b.subarray(p + 46, p + 46 + nameLength)));
    p += 46 + nameLength + u16(b, p + 30) + u16(b, p + 32);
  }
  return names;
}

/** The media type an OpenDocument file names in its first, uncompressed `mimetype` entry. */
function odfType(b: Uint8Array): string | null {
  if (!at(b, 0, ZIP) || u16(b, 8) !== 0) return null;
  const nameLength = u16(b, 26);
  const start = 30 + nameLength + u16(b, 28);
  if (new TextDecoder().decode(b.subarray(30, 30 + nameLength)) !== 'mimetype') return null;
  return new TextDecoder().decode(b.subarray(start, start + u32(b, 18)));
}

/** What the bytes look like, for a message: a type of the allowed list, `zip`, `html` or `null`. */
function looksLike(b: Uint8Array): string | null {
  if (isPdf(b)) return 'application/pdf';
  if (at(b, 0, PNG)) return 'image/png';
  if (at(b, 0, JPEG)) return 'image/jpeg';
  if (at(b, 0, ascii('RIFF')) && at(b, 8, ascii('WEBP'))) return 'image/webp';
  const odf = odfType(b);
  if (odf) return odf;
  const names = zipEntryNames(b);
  if (names) {
    if (names.includes('[Content_Types].xml')) {
      for (const [type, prefix] of Object.entries(OOXML)) if (names.some((n) => n.startsWith(prefix))) return type;
    }
    return 'zip';
  }
  return null;
}

/** The file's text, or why it is not acceptable text. */
function textProblem(b: Uint8Array, declared: string): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(b);
  } catch {
    return 'El archivo no es texto UTF-8.';
  }
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  if (/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.test(text)) return 'El archivo tiene caracteres de control: no es texto.';
  if (/^\s*</.test(text)) return 'El archivo parece una página HTML o un documento XML o SVG, que no se admiten.';
  if (declared === 'application/json') {
    try {
      JSON.parse(text);
    } catch {
      return 'El archivo no es JSON válido.';
    }
  }
  return null;
}

const label = (t: string) => ALLOWED_MEDIA_TYPES[t] ?? (t === 'zip' ? 'un archivo comprimido (ZIP)' : t);

/**
 * Why `bytes` cannot be stored as `declared` (a type of `ALLOWED_MEDIA_TYPES`, parameters
 * removed), in Spanish; `null` when the content matches.
 */
export function contentProblem(declared: string, bytes: Uint8Array): string | null {
  const seen = looksLike(bytes);
  if (TEXT.has(declared)) {
    if (seen) return `El archivo se declaró como ${label(declared)}, pero su contenido es ${label(seen)}.`;
    return textProblem(bytes, declared);
  }
  if (seen === declared) return null;
  if (ODF.has(declared) && seen === 'zip') return `El archivo no es un documento ${label(declared)} válido.`;
  if (OOXML[declared] && seen === 'zip') return `El archivo no es un documento ${label(declared)} válido.`;
  return seen
    ? `El archivo se declaró como ${label(declared)}, pero su contenido es ${label(seen)}.`
    : `El contenido del archivo no corresponde a un ${label(declared)}.`;
}
