import { ALLOWED_MEDIA_TYPES, MAX_FILE_BYTES } from '@cocrea/domain';

/**
 * The same limits the server applies to an upload (docs/exercise.md, "Files and links"), checked
 * before sending so a person hears at once that a 40 MB video or a ZIP will not do. The server
 * checks again, and also the content; its refusal is shown as it comes.
 */

/**
 * Media types by extension, for files the browser gives no type or a platform's own type (a CSV
 * is `application/vnd.ms-excel` on Windows, an ODS often has no type at all).
 */
const BY_EXTENSION: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  csv: 'text/csv',
  json: 'application/json',
  txt: 'text/plain',
};

/** The extensions a file picker offers (`accept`), with the media types. */
export const ACCEPT = [...Object.keys(BY_EXTENSION).map((e) => `.${e}`), ...Object.keys(ALLOWED_MEDIA_TYPES)].join(',');

/** The allowed formats as people know them: "PDF, JPEG, PNG…". */
export const ALLOWED_LABELS = [...new Set(Object.values(ALLOWED_MEDIA_TYPES))].join(', ');

/** What a file picker hands over, as far as the check needs it. */
export interface PickedFile {
  name: string;
  type: string;
  size: number;
}

/** The outcome of a check: the media type to send, or why the file is refused (Spanish). */
export type FileCheck = { ok: true; mediaType: string } | { ok: false; problem: string };

const extensionOf = (name: string) => /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';

/** Megabytes with one decimal, Mexican style ("25 MB", "31.4 MB"). */
export function megabytes(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  return `${mb >= 10 || Number.isInteger(mb) ? Math.round(mb) : mb.toFixed(1)} MB`;
}

/**
 * The media type of `file` if cocrea accepts it: the browser's type when it is on the list,
 * else the one its extension names; refused when empty, too large, or of another type.
 */
export function checkFile(file: PickedFile): FileCheck {
  const declared = file.type.split(';')[0]?.trim().toLowerCase() ?? '';
  const mediaType = Object.hasOwn(ALLOWED_MEDIA_TYPES, declared) ? declared : BY_EXTENSION[extensionOf(file.name)];
  if (!mediaType) {
    return { ok: false, problem: `Tipo de archivo no admitido («${file.name}»). Se aceptan: ${ALLOWED_LABELS}.` };
  }
  if (file.size === 0) return { ok: false, problem: `El archivo «${file.name}» está vacío.` };
  if (file.size > MAX_FILE_BYTES) {
    const max = megabytes(MAX_FILE_BYTES);
    const size = megabytes(file.size);
    return { ok: false, problem: `El archivo «${file.name}» pesa ${size === max ? `más de ${max}` : size}; el máximo es ${max}.` };
  }
  return { ok: true, mediaType };
}
