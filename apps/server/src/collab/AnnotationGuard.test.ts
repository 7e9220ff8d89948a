import type { beforeSyncPayload } from '@hocuspocus/server';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, addReply, annotationsDocumentName, annotationThreads, CloseCode, treeDocumentName } from '@cocrea/collab';
import type { Principal } from '../auth/principal';
import { createLogger } from '../logger';
import { AnnotationGuard } from './AnnotationGuard';
import type { CollabContext } from './context';
import { DurableLogExtension } from './DurableLogExtension';
import type { DocumentCompactor } from './DocumentCompactor';
import type { DurableUpdateLog } from '../storage/DurableUpdateLog';

const experta = { id: 'acc_experta1', name: 'Dra. Ruiz', role: 'expert' as const };
const vecino = { id: 'p_vecino0001', name: 'Beto', role: 'participant' as const };

function principal(who: { id: string; name: string; role: Principal['role'] }): Principal {
  return { ...who, color: '#000', kind: 'participant', mesaId: 'mesa000001' } as Principal;
}

/** The live document holding one note by the expert. */
function live(): { doc: Y.Doc; thread: string } {
  const doc = new Y.Doc();
  const thread = addNote(doc, { targetNodeId: 'cause00001', note: { kind: 'sugerencia', body: 'Revisar' }, author: experta });
  return { doc, thread };
}

function updateFrom(doc: Y.Doc, edit: (client: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
  const sv = Y.encodeStateVector(client);
  edit(client);
  return Y.encodeStateAsUpdate(client, sv);
}

/** Runs the guard's hook as Hocuspocus would; resolves with what happened to the socket. */
async function run(
  doc: Y.Doc,
  payload: Uint8Array,
  who: Parameters<typeof principal>[0] | null,
  opts: { type?: number; documentName?: string; readOnly?: boolean } = {},
) {
  const closed: { code: number; reason: string }[] = [];
  const context: CollabContext = { socket: { authenticated: 1, close: (code, reason) => closed.push({ code, reason }) }, ...(who ? { principal: principal(who) } : {}) };
  const guard = new AnnotationGuard(createLogger('silent'));
  const hook = guard.beforeSync({
    type: opts.type ?? 2,
    payload,
    document: doc,
    documentName: opts.documentName ?? annotationsDocumentName('mesa000001'),
    connection: { readOnly: opts.readOnly ?? false },
    context,
  } as unknown as beforeSyncPayload<CollabContext>);
  const error = await hook.then(
    () => null,
    (e: unknown) => e as { code: number; reason: string },
  );
  return { closed, error: error && { code: error.code, reason: error.reason } };
}

describe('AnnotationGuard', () => {
  it('lets a reply signed by its writer through, untouched', async () => {
    const { doc, thread } = live();
    const before = Y.encodeStateAsUpdate(doc);
    const r = await run(doc, updateFrom(doc, (c) => addReply(c, thread, { body: 'Gracias', author: vecino })), vecino);
    expect(r).toEqual({ closed: [], error: null });
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('refuses a participant editing the expert’s note: closes the socket with 4403 and stops the chain', async () => {
    const { doc, thread } = live();
    const forged = updateFrom(doc, (c) => annotationThreads(c).get(thread)?.set('body', 'Falso'));
    const r = await run(doc, forged, vecino);
    expect(r.closed).toEqual([{ code: CloseCode.Forbidden, reason: 'forbidden:note-changed' }]);
    expect(r.error).toEqual({ code: CloseCode.Forbidden, reason: 'forbidden:note-changed' });
    expect(annotationThreads(doc).get(thread)?.get('body')).toBe('Revisar');
  });

  it('refuses a connection without a principal and a malformed update (4205)', async () => {
    const { doc, thread } = live();
    const reply = updateFrom(doc, (c) => addReply(c, thread, { body: 'x', author: vecino }));
    expect((await run(doc, reply, null)).error?.code).toBe(CloseCode.Forbidden);
    const bad = await run(doc, new Uint8Array([1, 200, 7, 7, 7, 7]), vecino);
    expect(bad.error).toEqual({ code: CloseCode.ResetConnection, reason: 'malformed-update' });
  });

  it('leaves other documents, SyncStep1 and read-only connections alone', async () => {
    const { doc, thread } = live();
    const forged = updateFrom(doc, (c) => annotationThreads(c).delete(thread));
    expect((await run(doc, forged, vecino, { documentName: treeDocumentName('mesa000001') })).error).toBeNull();
    expect((await run(doc, Y.encodeStateVector(doc), vecino, { type: 0 })).error).toBeNull();
    expect((await run(doc, forged, vecino, { readOnly: true })).error).toBeNull();
    expect((await run(doc, forged, vecino)).error?.reason).toBe('forbidden:thread-removed');
  });

  it('runs before the durable log: Hocuspocus orders hooks by descending priority', () => {
    const guard = new AnnotationGuard(createLogger('silent'));
    const durable = new DurableLogExtension({} as DurableUpdateLog, {} as DocumentCompactor, createLogger('silent'));
    expect(guard.priority).toBeGreaterThan(durable.priority);
  });
});
