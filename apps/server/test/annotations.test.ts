import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import {
  addNote,
  addReply,
  annotationsDocumentName,
  annotationThreads,
  CloseCode,
  readThreads,
  setResolved,
  type AnnotationAuthor,
  type AnnotationRole,
} from '@cocrea/collab';
import { connectClient, createMesa, join, signedIn, startTestServer, waitFor, type TestClient } from './harness';

/*
 * The annotations guard against a real server: a forged update is refused with 4403 before the
 * durable log sees it (so it is neither stored nor relayed), while legitimate notes, replies and
 * resolutions flow.
 */

let server: Awaited<ReturnType<typeof startTestServer>>;
let mesaId: string;
let docName: string;
const open: TestClient[] = [];
/** Close codes the honest clients' sockets saw. */
const closes: number[] = [];

beforeAll(async () => {
  server = await startTestServer();
  mesaId = await createMesa(server.url);
  docName = annotationsDocumentName(mesaId);
});
afterAll(async () => {
  for (const c of open) c.destroy();
  await server?.close();
});

/** A collaboration token for a new account of `role` (an expert is made a member of the mesa). */
async function accountToken(role: Exclude<AnnotationRole, 'participant'>, name: string): Promise<{ token: string; author: AnnotationAuthor }> {
  const session = await signedIn(server, role, { name, mesaIds: [mesaId] });
  const { token, principal } = await session.token(mesaId);
  return { token, author: { id: principal.id, name: principal.name, role } };
}

async function participant(name: string): Promise<{ token: string; author: AnnotationAuthor }> {
  const j = await join(server.url, mesaId, name);
  return { token: j.token, author: { id: j.participant.id, name: j.participant.name, role: 'participant' } };
}

async function client(token: string): Promise<TestClient> {
  const c = await connectClient(server.url, docName, token);
  c.provider.on('close', ({ event }: { event: { code: number } }) => closes.push(event.code));
  open.push(c);
  return c;
}

/**
 * A bare WebSocket speaking just enough of the Hocuspocus protocol to authenticate on the
 * annotations document and send one update of its own making; resolves with how it was closed.
 */
async function rawUpdate(token: string, update: Uint8Array): Promise<{ code: number; reason: string }> {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/collab`);
  await new Promise((r) => ws.once('open', r));
  const closed = new Promise<{ code: number; reason: string }>((r) => ws.once('close', (code, reason) => r({ code, reason: reason.toString() })));
  const frame = (write: (e: encoding.Encoder) => void) => {
    const e = encoding.createEncoder();
    encoding.writeVarString(e, docName);
    write(e);
    return encoding.toUint8Array(e);
  };
  // Auth (2) with a token (0), then Sync (0) Update (2).
  ws.send(frame((e) => { encoding.writeVarUint(e, 2); encoding.writeVarUint(e, 0); encoding.writeVarString(e, token); }));
  ws.send(frame((e) => { encoding.writeVarUint(e, 0); encoding.writeVarUint(e, 2); encoding.writeVarUint8Array(e, update); }));
  return closed;
}

/** The update a client holding `doc`'s state would send after `edit`. */
function forge(doc: Y.Doc, edit: (copy: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const sv = Y.encodeStateVector(copy);
  edit(copy);
  return Y.encodeStateAsUpdate(copy, sv);
}

describe('the annotations document on a real server', () => {
  it('opens empty without a seed; a note, a reply and a resolution reach everyone (the restart below keeps them)', async () => {
    const expert = await accountToken('expert', 'Dra. Ruiz');
    const facil = await accountToken('facilitator', 'Lucía');
    const vecino = await participant('Beto');
    const e = await client(expert.token);
    const f = await client(facil.token);
    const p = await client(vecino.token);
    expect(readThreads(e.doc)).toEqual([]);

    const thread = addNote(e.doc, { targetNodeId: 'cause00001', note: { kind: 'evidencia', body: 'Informe INEGI 2024', sourceUrl: 'https://inegi.org.mx' }, author: expert.author });
    await waitFor(() => readThreads(p.doc).length === 1, 'the participant to see the note');
    addReply(p.doc, thread, { body: '¿Incluye zonas rurales?', author: vecino.author });
    await waitFor(() => readThreads(f.doc)[0]?.replies.length === 1, 'the facilitator to see the reply');
    setResolved(f.doc, thread, facil.author);
    await waitFor(() => readThreads(e.doc)[0]?.resolved !== null, 'the expert to see it resolved');
    await waitFor(() => [e, f, p].every((c) => c.tracker.state.isSaved), 'everything durable');
    expect(closes).toEqual([]);
  });

  it('closes a forged update with 4403 before it is logged: not stored, not relayed, others keep working', async () => {
    const expert = await accountToken('expert', 'Mtro. Soto');
    const vecino = await participant('Carla');
    const malicia = await participant('Malicia');
    const e = await client(expert.token);
    const thread = addNote(e.doc, { targetNodeId: 'effect0001', note: { kind: 'veredicto', body: 'El vínculo se sostiene', verdict: 'se_sostiene' }, author: expert.author });
    await waitFor(() => e.tracker.state.isSaved, 'the note durable');

    // An observer that records every body the thread ever had in its copy.
    const observer = await client(vecino.token);
    const bodies = new Set<string>();
    const record = () => {
      for (const t of readThreads(observer.doc)) bodies.add(`${t.id}:${t.body}`);
      for (const [id, m] of annotationThreads(observer.doc).entries()) bodies.add(`${id}:${String(m.get('body'))}`);
    };
    observer.doc.on('update', record);
    record();

    const otherExpert = await accountToken('expert', 'Dr. Pérez');
    const forgeries: [string, string, Uint8Array, string][] = [
      ['a participant edits the expert’s note', malicia.token, forge(e.doc, (c) => annotationThreads(c).get(thread)?.set('body', 'El vínculo NO se sostiene')), 'forbidden:note-changed'],
      ['another expert edits it', otherExpert.token, forge(e.doc, (c) => annotationThreads(c).get(thread)?.set('body', 'El vínculo NO se sostiene')), 'forbidden:note-changed'],
      ['a participant starts a thread', malicia.token, forge(e.doc, (c) => addNote(c, { targetNodeId: 'cause00001', note: { kind: 'sugerencia', body: 'Falso' }, author: malicia.author })), 'forbidden:note-forbidden'],
      ['an expert signs a note as another expert', otherExpert.token, forge(e.doc, (c) => addNote(c, { targetNodeId: 'cause00001', note: { kind: 'sugerencia', body: 'Falso' }, author: expert.author })), 'forbidden:author-mismatch'],
      ['a participant replies as the expert', malicia.token, forge(e.doc, (c) => addReply(c, thread, { body: 'Falso', author: expert.author })), 'forbidden:author-mismatch'],
      ['a participant deletes the thread', malicia.token, forge(e.doc, (c) => annotationThreads(c).delete(thread)), 'forbidden:thread-removed'],
      ['the expert resolves her own thread', expert.token, forge(e.doc, (c) => setResolved(c, thread, expert.author)), 'forbidden:resolve-forbidden'],
    ];
    for (const [what, token, update, reason] of forgeries) {
      expect(await rawUpdate(token, update), what).toEqual({ code: CloseCode.Forbidden, reason });
    }

    // A later, legitimate reply reaches the observer; the forged change never did.
    const replier = await participant('Dani');
    const r = await client(replier.token);
    addReply(r.doc, thread, { body: 'Coincido', author: replier.author });
    await waitFor(() => readThreads(observer.doc).find((t) => t.id === thread)?.replies.some((x) => x.body === 'Coincido'), 'the observer to get the reply');
    expect([...bodies].filter((b) => b.includes('NO se sostiene') || b.includes('Falso'))).toEqual([]);
    expect(readThreads(observer.doc).find((t) => t.id === thread)).toMatchObject({ body: 'El vínculo se sostiene', resolved: null });
    await waitFor(() => r.tracker.state.isSaved, 'the reply durable');

    expect(closes).toEqual([]);

    // After a restart, what was stored is exactly what the honest clients wrote.
    for (const c of open.splice(0)) c.destroy();
    await server.close();
    server = await startTestServer(server.dataDir);
    const again = await client((await participant('Eva')).token);
    const stored = readThreads(again.doc).find((t) => t.id === thread);
    expect(stored).toMatchObject({ body: 'El vínculo se sostiene', verdict: 'se_sostiene', resolved: null });
    expect(stored?.replies.map((x) => x.body)).toEqual(['Coincido']);
    expect(readThreads(again.doc).some((t) => t.body === 'Falso')).toBe(false);
    expect(readThreads(again.doc).some((t) => t.body === 'Informe INEGI 2024' && t.resolved !== null)).toBe(true);
  });
});
