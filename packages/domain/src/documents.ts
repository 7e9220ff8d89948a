import { z } from 'zod';

/**
 * Documents of the exercise — the signed Declaración Conjunta, the STM's rules and agenda,
 * evidence of an activity, a kit item — are either an uploaded file or a link. The domain only
 * describes them; storage keeps the bytes under their SHA-256 (content-addressed, so the same
 * file is stored once and a reference can be checked against what was stored).
 */

/** Largest file cocrea accepts: 25 MiB, enough for a scanned, signed act of several pages. */
export const MAX_FILE_BYTES = 25 * 1024 * 1024;

/**
 * Media types a file may have, with the name people know them by. Office and open formats for
 * the documents municipalities produce, PDF for signed acts, images for photographs of events,
 * CSV/JSON for open data. Executables, archives and HTML are refused: a public micrositio serves
 * these files, and an archive or a page could carry anything.
 */
export const ALLOWED_MEDIA_TYPES: Readonly<Record<string, string>> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (DOCX)',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel (XLSX)',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint (PPTX)',
  'application/vnd.oasis.opendocument.text': 'OpenDocument texto (ODT)',
  'application/vnd.oasis.opendocument.spreadsheet': 'OpenDocument hoja de cálculo (ODS)',
  'text/csv': 'CSV',
  'application/json': 'JSON',
  'text/plain': 'Texto',
};

/** An uploaded file, described by what storage needs to find and verify it. */
export interface FileRef {
  kind: 'archivo';
  /** File name as uploaded, shown to people. */
  name: string;
  mediaType: string;
  bytes: number;
  /** SHA-256 of the bytes, lowercase hex: the storage key. */
  sha256: string;
}

/** A link to a document published elsewhere (a municipal portal, a video of the session). */
export interface LinkRef {
  kind: 'enlace';
  url: string;
  /** What the link points to, as people should read it. */
  title: string;
}

/** A file or a link. */
export type DocumentRef = FileRef | LinkRef;

/** The description of an uploaded file; the server fills `bytes` and `sha256` from what it received. */
export const fileRefSchema = z.object({
  kind: z.literal('archivo'),
  name: z
    .string({ error: 'El archivo necesita un nombre.' })
    .trim()
    .min(1, { error: 'El archivo necesita un nombre.' })
    .max(200, { error: 'El nombre del archivo admite como máximo 200 caracteres.' }),
  mediaType: z
    .string({ error: 'Falta el tipo de archivo.' })
    .refine((t) => Object.hasOwn(ALLOWED_MEDIA_TYPES, t), {
      error: `Tipo de archivo no admitido. Se aceptan: ${[...new Set(Object.values(ALLOWED_MEDIA_TYPES))].join(', ')}.`,
    }),
  bytes: z
    .number({ error: 'Falta el tamaño del archivo.' })
    .int({ error: 'El tamaño del archivo debe ser un número entero de bytes.' })
    .min(1, { error: 'El archivo está vacío.' })
    .max(MAX_FILE_BYTES, { error: `El archivo supera el máximo de ${MAX_FILE_BYTES / 1024 / 1024} MB.` }),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'La huella SHA-256 del archivo no es válida.' }),
});

/** A link: http or https only. */
export const linkRefSchema = z.object({
  kind: z.literal('enlace'),
  url: z
    .string({ error: 'Escribe la dirección del enlace.' })
    .trim()
    .max(2000, { error: 'El enlace admite como máximo 2000 caracteres.' })
    .pipe(z.url({ protocol: /^https?$/, error: 'El enlace debe ser una dirección web completa (https://…).' })),
  title: z
    .string({ error: 'Describe a qué lleva el enlace.' })
    .trim()
    .min(1, { error: 'Describe a qué lleva el enlace.' })
    .max(200, { error: 'La descripción del enlace admite como máximo 200 caracteres.' }),
});

/** A file or a link, told apart by `kind`. */
export const documentRefSchema = z.discriminatedUnion('kind', [fileRefSchema, linkRefSchema], {
  error: 'El documento debe ser un archivo o un enlace.',
});

/** What a document is called, for lists and open data: the file name or the link's title. */
export function documentTitle(doc: DocumentRef): string {
  return doc.kind === 'archivo' ? doc.name : doc.title;
}
