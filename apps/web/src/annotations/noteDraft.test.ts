import { noteDraftSchema } from '@cocrea/collab';
import { describe, expect, it } from 'vitest';
import { annotationRights } from './AnnotationsContext';
import { noteDraftOf, noteProblem, type NoteFields } from './noteDraft';

const base: NoteFields = { kind: 'sugerencia', body: 'Dividir en dos causas', sourceUrl: '', verdict: '' };

describe('the note form', () => {
  it('names the first missing or wrong field, as the collab schema would', () => {
    expect(noteProblem({ ...base, body: '  ' })?.field).toBe('body');
    expect(noteProblem({ ...base, body: 'x'.repeat(2001) })?.key).toBe('annotations.errors.bodyTooLong');
    expect(noteProblem({ ...base, kind: 'evidencia' })?.field).toBe('sourceUrl');
    expect(noteProblem({ ...base, kind: 'evidencia', sourceUrl: 'www.inegi.org.mx' })?.field).toBe('sourceUrl');
    expect(noteProblem({ ...base, kind: 'veredicto' })?.field).toBe('verdict');
    for (const ok of [base, { ...base, kind: 'evidencia', sourceUrl: ' https://inegi.org.mx ' }, { ...base, kind: 'veredicto', verdict: 'dudoso' }] as NoteFields[]) {
      expect(noteProblem(ok)).toBeNull();
      expect(noteDraftSchema.safeParse(noteDraftOf(ok)).success).toBe(true);
    }
  });

  it('keeps only the fields of the chosen kind', () => {
    expect(noteDraftOf({ ...base, sourceUrl: 'https://x.mx', verdict: 'dudoso' })).toEqual({ kind: 'sugerencia', body: base.body });
    expect(noteDraftOf({ ...base, kind: 'evidencia', sourceUrl: ' https://x.mx ', verdict: 'dudoso' })).toEqual({ kind: 'evidencia', body: base.body, sourceUrl: 'https://x.mx' });
  });

  it('offers each role what the server allows, and nothing while read-only', () => {
    expect(annotationRights('expert', false)).toEqual({ addNote: true, reply: true, resolve: false });
    expect(annotationRights('facilitator', false)).toEqual({ addNote: true, reply: true, resolve: true });
    expect(annotationRights('admin', false)).toEqual({ addNote: true, reply: true, resolve: true });
    expect(annotationRights('participant', false)).toEqual({ addNote: false, reply: true, resolve: false });
    expect(annotationRights('stm', false)).toEqual({ addNote: false, reply: false, resolve: false });
    expect(annotationRights('facilitator', true)).toEqual({ addNote: false, reply: false, resolve: false });
  });
});
