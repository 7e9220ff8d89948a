import { ANNOTATION_BODY_MAX, isHttpUrl, type AnnotationKind, type NoteDraft, type Verdict } from '@cocrea/collab';

/** What the note form holds while a person types. */
export interface NoteFields {
  kind: AnnotationKind;
  body: string;
  sourceUrl: string;
  verdict: Verdict | '';
}

/** The first thing wrong with a draft: the field and the i18n key of its message. */
export type NoteProblem = { field: 'body' | 'sourceUrl' | 'verdict'; key: string } | null;

/**
 * Checks a draft in the interface language before it reaches `addNote` (whose messages are
 * Spanish), with the same rules as the collab schema.
 */
export function noteProblem(f: NoteFields): NoteProblem {
  if (f.body.trim().length === 0) return { field: 'body', key: 'annotations.errors.body' };
  if (f.body.length > ANNOTATION_BODY_MAX) return { field: 'body', key: 'annotations.errors.bodyTooLong' };
  if (f.kind === 'evidencia' && !isHttpUrl(f.sourceUrl.trim())) return { field: 'sourceUrl', key: 'annotations.errors.source' };
  if (f.kind === 'veredicto' && f.verdict === '') return { field: 'verdict', key: 'annotations.errors.verdict' };
  return null;
}

/** The note to store: only the fields its kind has (a source for evidencia, a verdict for veredicto). */
export function noteDraftOf(f: NoteFields): NoteDraft {
  if (f.kind === 'evidencia') return { kind: f.kind, body: f.body, sourceUrl: f.sourceUrl.trim() };
  if (f.kind === 'veredicto') return { kind: f.kind, body: f.body, verdict: f.verdict === '' ? 'dudoso' : f.verdict };
  return { kind: f.kind, body: f.body };
}
