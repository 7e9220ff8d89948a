import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, addReply, annotationThreads, MAX_REPLIES_PER_THREAD, setResolved, type AnnotationAuthor } from './annotationsDoc';
import { checkAnnotationChange, checkAnnotationUpdate, snapshotAnnotations, type AnnotationWriter } from './annotationsDocRules';

const experta: AnnotationAuthor = { id: 'acc_experta1', name: 'Dra. Ruiz', role: 'expert' };
const otroExperto: AnnotationAuthor = { id: 'acc_experto2', name: 'Mtro. Soto', role: 'expert' };
const vecino: AnnotationAuthor = { id: 'p_vecino0001', name: 'Beto', role: 'participant' };
const facilitadora: AnnotationAuthor = { id: 'acc_facil001', name: 'Lucía', role: 'facilitator' };
const admin: AnnotationAuthor = { id: 'acc_admin001', name: 'Admin', role: 'admin' };
const stm: AnnotationAuthor = { id: 'acc_stm00001', name: 'Sra. STM', role: 'stm' };

/** The server's document with one note by `experta` (with one reply by `vecino`). */
function server(): { doc: Y.Doc; thread: string } {
  const doc = new Y.Doc();
  const thread = addNote(doc, { targetNodeId: 'cause00001', note: { kind: 'evidencia', body: 'Informe', sourceUrl: 'https://inegi.org.mx' }, author: experta });
  addReply(doc, thread, { body: 'Gracias', author: vecino });
  return { doc, thread };
}

/**
 * What a client holding the server's state sends after `edit`: the update the server receives.
 * `edit` works on the client's own copy, exactly as a (possibly malicious) client could.
 */
function updateFrom(doc: Y.Doc, edit: (client: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
  const sv = Y.encodeStateVector(client);
  edit(client);
  return Y.encodeStateAsUpdate(client, sv);
}

function check(doc: Y.Doc, writer: AnnotationWriter, edit: (client: Y.Doc) => void) {
  return checkAnnotationUpdate(doc, updateFrom(doc, edit), writer)?.rule ?? null;
}

const threadOf = (d: Y.Doc, id: string) => annotationThreads(d).get(id) as Y.Map<unknown>;
const repliesOf = (d: Y.Doc, id: string) => threadOf(d, id).get('replies') as Y.Array<unknown>;
const sugerencia = (body = 'Otra idea') => ({ kind: 'sugerencia' as const, body });

describe('what an annotations update may do', () => {
  it('lets experts, facilitators and admins start threads signed by themselves', () => {
    const { doc } = server();
    for (const who of [experta, facilitadora, admin]) {
      expect(check(doc, who, (c) => addNote(c, { targetNodeId: 'effect0001', note: sugerencia(), author: who }))).toBeNull();
    }
  });

  it('refuses a participant or an STM member starting a thread', () => {
    const { doc } = server();
    for (const who of [vecino, stm]) {
      expect(check(doc, who, (c) => addNote(c, { targetNodeId: 'cause00001', note: sugerencia(), author: who }))).toBe('note-forbidden');
    }
  });

  it('refuses a forged author: another id, another role, another name', () => {
    const { doc } = server();
    const as = (author: AnnotationAuthor) => (c: Y.Doc) => addNote(c, { targetNodeId: 'cause00001', note: sugerencia(), author });
    expect(check(doc, experta, as(otroExperto))).toBe('author-mismatch');
    expect(check(doc, experta, as({ ...experta, role: 'facilitator' }))).toBe('author-mismatch');
    expect(check(doc, { id: experta.id, role: 'expert' }, as({ ...experta, name: 'Facilitación' }))).toBeNull();
    expect(check(doc, { ...experta, name: 'Dra. Ruiz' }, as({ ...experta, name: 'Facilitación' }))).toBe('author-mismatch');
    // A participant replying in someone else's name.
    const { doc: d2, thread } = server();
    expect(check(d2, vecino, (c) => addReply(c, thread, { body: 'Soy la experta', author: experta }))).toBe('author-mismatch');
  });

  it('refuses invalid notes written straight into the map', () => {
    const { doc } = server();
    const raw = (fields: Record<string, unknown>, opts: { replies?: boolean; resolved?: unknown; id?: string } = {}) => (c: Y.Doc) => {
      const m = new Y.Map<unknown>();
      for (const [k, v] of Object.entries(fields)) m.set(k, v);
      if (opts.resolved !== undefined) m.set('resolved', opts.resolved);
      if (opts.replies !== false) m.set('replies', new Y.Array());
      annotationThreads(c).set(opts.id ?? 'thread0001', m);
    };
    const good = { targetNodeId: 'cause00001', kind: 'sugerencia', body: 'ok', author: experta, createdAt: new Date().toISOString() };
    expect(check(doc, experta, raw(good, { resolved: null }))).toBeNull();
    expect(check(doc, experta, raw({ ...good, targetNodeId: '../../x' }, { resolved: null }))).toBe('invalid-note');
    expect(check(doc, experta, raw({ ...good, body: 'x'.repeat(2001) }, { resolved: null }))).toBe('invalid-note');
    expect(check(doc, experta, raw({ ...good, kind: 'evidencia', sourceUrl: 'javascript:alert(1)' }, { resolved: null }))).toBe('invalid-note');
    expect(check(doc, experta, raw({ ...good, kind: 'evidencia' }, { resolved: null }))).toBe('invalid-note');
    expect(check(doc, experta, raw({ ...good, extra: 1 }, { resolved: null }))).toBe('invalid-note');
    expect(check(doc, experta, raw({ ...good, body: new Y.Text('ok') }, { resolved: null }))).toBe('invalid-note');
    expect(check(doc, experta, raw(good, { resolved: { by: { id: experta.id, name: experta.name }, at: good.createdAt } }))).toBe('invalid-note');
    expect(check(doc, experta, raw(good))).toBe('invalid-note');
    expect(check(doc, experta, raw(good, { resolved: null, replies: false }))).toBe('invalid-note');
    expect(check(doc, experta, raw(good, { resolved: null, id: 'x' }))).toBe('invalid-note');
    expect(check(doc, experta, (c) => annotationThreads(c).set('thread0002', 'hola' as never))).toBe('invalid-note');
  });

  it('refuses editing someone else’s note, even to the same text, and editing one’s own', () => {
    const { doc, thread } = server();
    expect(check(doc, otroExperto, (c) => threadOf(c, thread).set('body', 'Informe falso'))).toBe('note-changed');
    expect(check(doc, experta, (c) => threadOf(c, thread).set('body', 'Informe'))).toBe('note-changed');
    expect(check(doc, facilitadora, (c) => threadOf(c, thread).set('kind', 'sugerencia'))).toBe('note-changed');
    expect(check(doc, experta, (c) => threadOf(c, thread).set('extra', 'x'))).toBe('note-changed');
    expect(check(doc, admin, (c) => threadOf(c, thread).delete('sourceUrl'))).toBe('note-changed');
  });

  it('refuses deleting or re-creating a thread, even an identical copy', () => {
    const { doc, thread } = server();
    expect(check(doc, facilitadora, (c) => annotationThreads(c).delete(thread))).toBe('thread-removed');
    expect(
      check(doc, experta, (c) => {
        const old = threadOf(c, thread).toJSON() as Record<string, unknown>;
        const m = new Y.Map<unknown>();
        for (const [k, v] of Object.entries(old)) if (k !== 'replies') m.set(k, v);
        m.set('replies', Y.Array.from(old.replies as Record<string, unknown>[]));
        annotationThreads(c).set(thread, m);
      }),
    ).toBe('note-changed');
  });

  it('lets anyone who may write reply, signed by themselves; refuses STM', () => {
    const { doc, thread } = server();
    for (const who of [vecino, experta, otroExperto, facilitadora, admin]) {
      expect(check(doc, who, (c) => addReply(c, thread, { body: 'Respuesta', author: who }))).toBeNull();
    }
    expect(check(doc, stm, (c) => addReply(c, thread, { body: 'Respuesta', author: stm }))).toBe('reply-forbidden');
  });

  it('refuses deleting, replacing or moving a reply, and replacing the replies list', () => {
    const { doc, thread } = server();
    addReply(doc, thread, { body: 'Segunda', author: experta });
    expect(check(doc, vecino, (c) => repliesOf(c, thread).delete(0, 1))).toBe('reply-changed');
    expect(check(doc, facilitadora, (c) => repliesOf(c, thread).delete(1, 1))).toBe('reply-changed');
    expect(
      check(doc, vecino, (c) => {
        const r = repliesOf(c, thread);
        const first = r.get(0);
        r.delete(0, 1);
        r.push([first]);
      }),
    ).toBe('reply-changed');
    expect(
      check(doc, vecino, (c) => {
        const r = repliesOf(c, thread);
        const first = r.get(0);
        r.delete(0, 1);
        r.insert(0, [first]);
      }),
    ).toBe('reply-changed');
    expect(check(doc, facilitadora, (c) => threadOf(c, thread).set('replies', Y.Array.from(repliesOf(c, thread).toArray() as Record<string, unknown>[])))).toBe('reply-changed');
  });

  it('refuses invalid, duplicate or too many replies', () => {
    const { doc, thread } = server();
    const existingId = (repliesOf(doc, thread).get(0) as { id: string }).id;
    const now = new Date().toISOString();
    expect(check(doc, vecino, (c) => repliesOf(c, thread).push([{ id: 'reply00009', author: vecino, body: '', createdAt: now }]))).toBe('invalid-reply');
    expect(check(doc, vecino, (c) => repliesOf(c, thread).push([{ id: existingId, author: vecino, body: 'x', createdAt: now }]))).toBe('invalid-reply');
    expect(check(doc, vecino, (c) => repliesOf(c, thread).push([new Y.Map()]))).toBe('invalid-reply');
    expect(check(doc, vecino, (c) => repliesOf(c, thread).push(['texto suelto']))).toBe('invalid-reply');
    const many = Array.from({ length: MAX_REPLIES_PER_THREAD }, (_, i) => ({ id: `reply${String(i).padStart(5, '0')}`, author: vecino, body: 'x', createdAt: now }));
    expect(check(doc, vecino, (c) => repliesOf(c, thread).push(many))).toBe('too-many');
  });

  it('lets only facilitators and admins resolve and reopen, in their own name', () => {
    const { doc, thread } = server();
    expect(check(doc, facilitadora, (c) => setResolved(c, thread, facilitadora))).toBeNull();
    expect(check(doc, admin, (c) => setResolved(c, thread, admin))).toBeNull();
    expect(check(doc, experta, (c) => setResolved(c, thread, experta))).toBe('resolve-forbidden');
    expect(check(doc, vecino, (c) => setResolved(c, thread, vecino))).toBe('resolve-forbidden');
    expect(check(doc, facilitadora, (c) => setResolved(c, thread, admin))).toBe('invalid-resolution');
    expect(check(doc, facilitadora, (c) => threadOf(c, thread).set('resolved', { by: facilitadora.id }))).toBe('invalid-resolution');
    expect(check(doc, facilitadora, (c) => threadOf(c, thread).delete('resolved'))).toBe('note-changed');

    setResolved(doc, thread, facilitadora);
    expect(check(doc, facilitadora, (c) => setResolved(c, thread, null))).toBeNull();
    expect(check(doc, experta, (c) => setResolved(c, thread, null))).toBe('resolve-forbidden');
    // A participant may still reply to a resolved thread; it stays resolved.
    expect(check(doc, vecino, (c) => addReply(c, thread, { body: 'Una duda más', author: vecino }))).toBeNull();
  });

  it('refuses any other top-level type, and list content in `threads`', () => {
    const { doc } = server();
    expect(check(doc, facilitadora, (c) => c.getMap('meta').set('x', 1))).toBe('foreign-content');
    expect(check(doc, facilitadora, (c) => c.getText('nodes').insert(0, 'x'))).toBe('foreign-content');
    const update = updateFrom(doc, (c) => {
      const other = new Y.Doc();
      other.getArray('threads').push(['x']);
      Y.applyUpdate(c, Y.encodeStateAsUpdate(other));
    });
    expect(checkAnnotationUpdate(doc, update, facilitadora)?.rule).toBe('foreign-content');
  });

  it('checks every part of every type: sequence content of a thread map, map entries of its replies, nested types', () => {
    const { doc, thread } = server();
    const big = 'x'.repeat(1_000_000);
    // The hole: a participant (who may only reply) stored megabytes in the thread's map as a list.
    const listInThread = (c: Y.Doc) => Y.Array.prototype.insert.call(threadOf(c, thread), 0, [big]);
    expect(check(doc, vecino, listInThread)).toBe('foreign-content');
    expect(check(doc, facilitadora, listInThread)).toBe('foreign-content');
    const textInThread = (c: Y.Doc) => Y.Text.prototype.insert.call(threadOf(c, thread), 0, big);
    expect(check(doc, vecino, textInThread)).toBe('foreign-content');
    // Map entries on the replies list, formatting among the replies.
    expect(check(doc, vecino, (c) => {
      Y.Map.prototype.set.call(repliesOf(c, thread), 'carga', big);
    })).toBe('foreign-content');
    expect(check(doc, vecino, (c) => Y.Text.prototype.format.call(repliesOf(c, thread), 0, 1, { carga: big }))).toBe('foreign-content');
    // Sequence content in the root `threads` map, even when some is already there.
    const legacy = updateFrom(doc, (c) => Y.Array.prototype.insert.call(annotationThreads(c), 0, ['viejo']));
    Y.applyUpdate(doc, legacy);
    expect(check(doc, vecino, (c) => Y.Array.prototype.insert.call(annotationThreads(c), 0, [big]))).toBe('foreign-content');
    // Content inside a shared type in another top-level type that already exists.
    Y.applyUpdate(doc, updateFrom(doc, (c) => c.getMap('otro').set('m', new Y.Map())));
    expect(check(doc, vecino, (c) => (c.getMap('otro').get('m') as Y.Map<unknown>).set('k', big))).toBe('foreign-content');
    // A new thread carrying list content in its map.
    const rawThread = (c: Y.Doc) => {
      addNote(c, { targetNodeId: 'cause00001', note: sugerencia(), author: experta, id: 'thread0099' });
      Y.Array.prototype.insert.call(threadOf(c, 'thread0099'), 0, [big]);
    };
    expect(check(doc, experta, rawThread)).toBe('foreign-content');
    // Ordinary replies still pass.
    expect(check(doc, vecino, (c) => addReply(c, thread, { body: 'Sigo aquí', author: vecino }))).toBeNull();
  });

  it('refuses an update Yjs would park: a delete or an insert aimed at content not there yet', () => {
    const { doc, thread } = server();
    // A future reply by the expert, which a malicious participant tries to delete in advance.
    const expertClient = new Y.Doc();
    Y.applyUpdate(expertClient, Y.encodeStateAsUpdate(doc));
    const sv = Y.encodeStateVector(expertClient);
    addReply(expertClient, thread, { body: 'Mi dictamen', author: experta });
    const expertUpdate = Y.encodeStateAsUpdate(expertClient, sv);

    const attacker = new Y.Doc();
    Y.applyUpdate(attacker, Y.encodeStateAsUpdate(expertClient));
    repliesOf(attacker, thread).delete(1, 1);
    const deletion = Y.encodeStateAsUpdate(attacker, Y.encodeStateVector(expertClient));
    expect(checkAnnotationUpdate(doc, deletion, vecino)?.rule).toBe('incomplete-update');
    // The expert's own update is fine, and would then be checked on its own.
    expect(checkAnnotationUpdate(doc, expertUpdate, experta)).toBeNull();

    // Structs that depend on missing content (a forged reply "by" the expert, after her reply).
    const forger = new Y.Doc();
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(expertClient));
    const before = Y.encodeStateVector(forger);
    repliesOf(forger, thread).push([{ id: 'forged0001', author: experta, body: 'Retiro todo', createdAt: new Date().toISOString() }]);
    const forged = Y.encodeStateAsUpdate(forger, before);
    expect(checkAnnotationUpdate(doc, forged, vecino)?.rule).toBe('incomplete-update');
  });

  it('allows an empty or already-applied update from anyone, and never touches the document it checks', () => {
    const { doc, thread } = server();
    const state = Y.encodeStateAsUpdate(doc);
    expect(checkAnnotationUpdate(doc, state, stm)).toBeNull();
    expect(checkAnnotationUpdate(doc, updateFrom(doc, () => undefined), stm)).toBeNull();
    const bad = updateFrom(doc, (c) => threadOf(c, thread).set('body', 'x'));
    checkAnnotationUpdate(doc, bad, experta);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(state);
    expect(() => checkAnnotationUpdate(doc, new Uint8Array([9, 9, 9, 9, 9]), experta)).toThrow();
  });

  it('accepts concurrent replies and resolutions checked one after the other', () => {
    const { doc, thread } = server();
    const u1 = updateFrom(doc, (c) => addReply(c, thread, { body: 'A', author: vecino }));
    const u2 = updateFrom(doc, (c) => addReply(c, thread, { body: 'B', author: experta }));
    const u3 = updateFrom(doc, (c) => setResolved(c, thread, facilitadora));
    const u4 = updateFrom(doc, (c) => setResolved(c, thread, admin));
    for (const [u, w] of [[u2, experta], [u1, vecino], [u4, admin], [u3, facilitadora]] as const) {
      expect(checkAnnotationUpdate(doc, u, w)).toBeNull();
      Y.applyUpdate(doc, u);
    }
    expect(repliesOf(doc, thread).length).toBe(3);
  });

  it('is a pure function of two snapshots', () => {
    const { doc, thread } = server();
    const before = snapshotAnnotations(doc);
    addReply(doc, thread, { body: 'x', author: vecino });
    const after = snapshotAnnotations(doc);
    expect(checkAnnotationChange(before, after, vecino)).toBeNull();
    expect(checkAnnotationChange(before, after, otroExperto)?.rule).toBe('author-mismatch');
    expect(checkAnnotationChange(after, before, vecino)?.rule).toBe('reply-changed');
    expect(checkAnnotationChange(before, before, stm)).toBeNull();
  });
});
