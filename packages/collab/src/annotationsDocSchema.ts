import { z } from 'zod';

/**
 * The vocabulary and limits of expert annotations (*anotaciones de personas expertas*) on a
 * mesa's problem tree, as zod schemas. The same schemas validate a form in the browser, what
 * `readThreads` shows, and every update the server lets into `mesa:<id>:annotations`.
 * Messages are Spanish: they reach the person who typed the value.
 */

/** *evidencia* (with a source link), *veredicto* on the causal link, or *sugerencia*. */
export const ANNOTATION_KINDS = ['evidencia', 'veredicto', 'sugerencia'] as const;
/** One of {@link ANNOTATION_KINDS}. */
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

/** Whether the causal link a cause or effect claims holds, according to a *veredicto*. */
export const VERDICTS = ['se_sostiene', 'no_se_sostiene', 'dudoso'] as const;
/** One of {@link VERDICTS}. */
export type Verdict = (typeof VERDICTS)[number];

/** Roles a collaboration token can carry (see docs/permissions.md). */
export const ANNOTATION_ROLES = ['admin', 'facilitator', 'stm', 'expert', 'participant'] as const;
/** One of {@link ANNOTATION_ROLES}. */
export type AnnotationRole = (typeof ANNOTATION_ROLES)[number];

/** Who may start a thread with a note. */
export const NOTE_ROLES: readonly AnnotationRole[] = ['admin', 'facilitator', 'expert'];
/** Who may reply to a thread (everyone who may write annotations at all). */
export const REPLY_ROLES: readonly AnnotationRole[] = ['admin', 'facilitator', 'expert', 'participant'];
/** Who may resolve a thread or reopen it. */
export const RESOLVE_ROLES: readonly AnnotationRole[] = ['admin', 'facilitator'];

/** Longest note or reply, in characters. */
export const ANNOTATION_BODY_MAX = 2000;
/** Longest source link. */
export const SOURCE_URL_MAX = 2048;
/** Longest display name kept with an author. */
export const AUTHOR_NAME_MAX = 200;
/** Most replies one thread takes. */
export const MAX_REPLIES_PER_THREAD = 300;
/** Most threads one mesa's annotations document takes. */
export const MAX_THREADS = 3000;

/** Ids of threads, replies and tree nodes: what `newNodeId` makes, or the fixed `problem`. */
export const ANNOTATION_ID = /^[A-Za-z0-9_-]{6,40}$/;

/** Whether `value` parses as an absolute http(s) URL. */
export function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}

const idSchema = z.string().regex(ANNOTATION_ID, { error: 'Identificador inválido.' });
const isoSchema = z.iso.datetime({ error: 'Fecha inválida.' });

/** Who wrote a note or a reply, as stored with it. */
export const annotationAuthorSchema = z.strictObject({
  id: z.string().min(1).max(100),
  name: z.string().min(1).max(AUTHOR_NAME_MAX),
  role: z.enum(ANNOTATION_ROLES),
});
/** Who wrote a note or a reply. */
export type AnnotationAuthor = z.output<typeof annotationAuthorSchema>;

/** The text of a note or a reply. */
export const annotationBodySchema = z
  .string({ error: 'Escribe el texto.' })
  .refine((s) => s.trim().length > 0, { error: 'Escribe el texto.' })
  .refine((s) => s.length <= ANNOTATION_BODY_MAX, { error: `El texto admite como máximo ${ANNOTATION_BODY_MAX} caracteres.` });

/** The source link of an *evidencia*. */
export const sourceUrlSchema = z
  .string({ error: 'La evidencia necesita el enlace a su fuente.' })
  .min(1, { error: 'La evidencia necesita el enlace a su fuente.' })
  .max(SOURCE_URL_MAX, { error: `El enlace admite como máximo ${SOURCE_URL_MAX} caracteres.` })
  .refine(isHttpUrl, { error: 'La fuente debe ser un enlace que empiece con http:// o https://.' });

const verdictSchema = z.enum(VERDICTS, { error: 'Indica si el vínculo causal se sostiene, no se sostiene o es dudoso.' });

/** What a person fills in to add a note: the kind decides which extra field is required. */
export const noteDraftSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('evidencia'), body: annotationBodySchema, sourceUrl: sourceUrlSchema }),
    z.strictObject({ kind: z.literal('veredicto'), body: annotationBodySchema, verdict: verdictSchema }),
    z.strictObject({ kind: z.literal('sugerencia'), body: annotationBodySchema }),
  ],
  { error: 'Elige el tipo de nota: evidencia, veredicto o sugerencia.' },
);
/** A note as a person writes it. */
export type NoteDraft = z.output<typeof noteDraftSchema>;

const noteStamp = {
  targetNodeId: idSchema,
  author: annotationAuthorSchema,
  createdAt: isoSchema,
};

/** The fields of a thread's opening note as stored (set once, never changed). */
export const storedNoteSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('evidencia'), body: annotationBodySchema, sourceUrl: sourceUrlSchema, ...noteStamp }),
  z.strictObject({ kind: z.literal('veredicto'), body: annotationBodySchema, verdict: verdictSchema, ...noteStamp }),
  z.strictObject({ kind: z.literal('sugerencia'), body: annotationBodySchema, ...noteStamp }),
]);
/** A thread's opening note. */
export type StoredNote = z.output<typeof storedNoteSchema>;

/** One reply, as stored in a thread's `replies` array. */
export const storedReplySchema = z.strictObject({
  id: idSchema,
  author: annotationAuthorSchema,
  body: annotationBodySchema,
  createdAt: isoSchema,
});
/** One reply to a thread. */
export type AnnotationReply = z.output<typeof storedReplySchema>;

/** Who resolved a thread, and when; `null` while it is open. */
export const resolutionSchema = z
  .strictObject({
    by: z.strictObject({ id: z.string().min(1).max(100), name: z.string().min(1).max(AUTHOR_NAME_MAX) }),
    at: isoSchema,
  })
  .nullable();
/** Who resolved a thread, and when. */
export type Resolution = NonNullable<z.output<typeof resolutionSchema>>;
