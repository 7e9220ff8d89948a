import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addNote,
  addReply,
  ANNOTATION_BODY_MAX,
  AnnotationInputError,
  annotationThreads,
  isHttpUrl,
  noteDraftSchema,
  openThreadCounts,
  readThreads,
  setResolved,
} from './annotationsDoc';

const experta = { id: 'acc_experta1', name: 'Dra. Ruiz', role: 'expert' as const };
const vecino = { id: 'p_vecino0001', name: 'Beto', role: 'participant' as const };
const facilitadora = { id: 'acc_facil001', name: 'Lucía', role: 'facilitator' as const };
const T0 = new Date('2026-03-01T10:00:00.000Z');

describe('annotations document', () => {
  it('stores a thread as one Y.Map of plain fields, resolved null and an empty replies array', () => {
    const doc = new Y.Doc();
    const id = addNote(doc, { targetNodeId: 'cause00001', note: { kind: 'evidencia', body: '  Informe 2024  ', sourceUrl: 'https://inegi.org.mx/x' }, author: experta, now: T0 });
    const m = annotationThreads(doc).get(id);
    expect(m).toBeInstanceOf(Y.Map);
    expect(m?.toJSON()).toEqual({
      targetNodeId: 'cause00001',
      kind: 'evidencia',
      body: 'Informe 2024',
      sourceUrl: 'https://inegi.org.mx/x',
      author: experta,
      createdAt: T0.toISOString(),
      resolved: null,
      replies: [],
    });
    expect(m?.get('replies')).toBeInstanceOf(Y.Array);
  });

  it('reads threads oldest first with their replies, resolution and open counts per node', () => {
    const doc = new Y.Doc();
    const later = addNote(doc, { targetNodeId: 'cause00001', note: { kind: 'sugerencia', body: 'Separar en dos causas' }, author: facilitadora, now: new Date('2026-03-02T00:00:00Z') });
    const first = addNote(doc, { targetNodeId: 'cause00001', note: { kind: 'veredicto', body: 'Los datos no lo respaldan', verdict: 'no_se_sostiene' }, author: experta, now: T0 });
    const other = addNote(doc, { targetNodeId: 'effect0001', note: { kind: 'sugerencia', body: 'Reformular' }, author: experta, now: new Date('2026-03-01T10:05:00Z') });
    addReply(doc, first, { body: '¿Qué datos?', author: vecino, now: new Date('2026-03-01T11:00:00Z'), id: 'reply00001' });
    setResolved(doc, other, facilitadora, new Date('2026-03-03T00:00:00Z'));

    const threads = readThreads(doc);
    expect(threads.map((t) => t.id)).toEqual([first, other, later]);
    expect(threads[0]).toMatchObject({ kind: 'veredicto', verdict: 'no_se_sostiene', resolved: null });
    expect(threads[0]?.replies).toEqual([{ id: 'reply00001', author: vecino, body: '¿Qué datos?', createdAt: '2026-03-01T11:00:00.000Z' }]);
    expect(threads[1]?.resolved).toEqual({ by: { id: facilitadora.id, name: 'Lucía' }, at: '2026-03-03T00:00:00.000Z' });
    expect(openThreadCounts(threads)).toEqual(new Map([['cause00001', 2]]));

    setResolved(doc, other, null);
    expect(openThreadCounts(readThreads(doc)).get('effect0001')).toBe(1);
  });

  it('refuses notes that break a rule, with a Spanish message naming the field', () => {
    const doc = new Y.Doc();
    const tryNote = (note: unknown) => {
      try {
        addNote(doc, { targetNodeId: 'cause00001', note: note as never, author: experta });
        return null;
      } catch (err) {
        expect(err).toBeInstanceOf(AnnotationInputError);
        return { field: (err as AnnotationInputError).field, message: (err as Error).message };
      }
    };
    expect(tryNote({ kind: 'evidencia', body: 'Informe' })).toEqual({ field: 'sourceUrl', message: 'La evidencia necesita el enlace a su fuente.' });
    expect(tryNote({ kind: 'evidencia', body: 'Informe', sourceUrl: 'javascript:alert(1)' })?.message).toContain('http');
    expect(tryNote({ kind: 'evidencia', body: 'Informe', sourceUrl: 'ftp://x.org/a' })?.field).toBe('sourceUrl');
    expect(tryNote({ kind: 'veredicto', body: 'No' })?.field).toBe('verdict');
    expect(tryNote({ kind: 'veredicto', body: 'No', verdict: 'quizá' })?.field).toBe('verdict');
    expect(tryNote({ kind: 'sugerencia', body: '   ' })).toEqual({ field: 'body', message: 'Escribe el texto.' });
    expect(tryNote({ kind: 'sugerencia', body: 'x'.repeat(ANNOTATION_BODY_MAX + 1) })?.message).toBe('El texto admite como máximo 2000 caracteres.');
    expect(tryNote({ kind: 'opinión', body: 'x' })?.field).toBe('kind');
    expect(tryNote({ kind: 'sugerencia', body: 'ok', sourceUrl: 'https://a.mx' })).not.toBeNull();
    expect(tryNote({ kind: 'sugerencia', body: 'x'.repeat(ANNOTATION_BODY_MAX) })).toBeNull();
    expect(() => addNote(doc, { targetNodeId: '../x', note: { kind: 'sugerencia', body: 'x' }, author: experta })).toThrow(AnnotationInputError);
    expect(readThreads(doc)).toHaveLength(1);
  });

  it('refuses replies to unknown threads and empty replies', () => {
    const doc = new Y.Doc();
    const id = addNote(doc, { targetNodeId: 'cause00001', note: { kind: 'sugerencia', body: 'x' }, author: experta });
    expect(() => addReply(doc, 'nope000000', { body: 'hola', author: vecino })).toThrow();
    expect(() => addReply(doc, id, { body: ' ', author: vecino })).toThrow(AnnotationInputError);
    expect(() => setResolved(doc, 'nope000000', facilitadora)).toThrow();
  });

  it('skips what does not satisfy the schema when reading (a misbehaving client)', () => {
    const doc = new Y.Doc();
    const id = addNote(doc, { targetNodeId: 'cause00001', note: { kind: 'sugerencia', body: 'bien' }, author: experta });
    const bad = new Y.Map<unknown>();
    bad.set('kind', 'sugerencia');
    annotationThreads(doc).set('malo000000', bad);
    (annotationThreads(doc).get(id)?.get('replies') as Y.Array<unknown>).push([{ id: 'r', body: 1 }]);
    const threads = readThreads(doc);
    expect(threads.map((t) => t.id)).toEqual([id]);
    expect(threads[0]?.replies).toEqual([]);
  });

  it('concurrent replies from two clients both survive', () => {
    const a = new Y.Doc();
    const id = addNote(a, { targetNodeId: 'cause00001', note: { kind: 'sugerencia', body: 'x' }, author: experta });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    addReply(a, id, { body: 'de A', author: vecino });
    addReply(b, id, { body: 'de B', author: experta });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readThreads(a)).toEqual(readThreads(b));
    expect(readThreads(a)[0]?.replies.map((r) => r.body).sort()).toEqual(['de A', 'de B']);
  });

  it('accepts only absolute http(s) links as sources', () => {
    expect(isHttpUrl('https://datos.gob.mx/a?b=1')).toBe(true);
    expect(isHttpUrl('http://localhost:3000')).toBe(true);
    for (const bad of ['datos.gob.mx', 'javascript:alert(1)', 'data:text/html,x', 'mailto:a@b.mx', '', 'https://']) expect(isHttpUrl(bad)).toBe(false);
    expect(noteDraftSchema.safeParse({ kind: 'evidencia', body: 'x', sourceUrl: 'https://a.mx' }).success).toBe(true);
  });
});
