import v8 from 'node:v8';
import vm from 'node:vm';
import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { PROBLEM_NODE_ID } from '@cocrea/domain';
import {
  addNote,
  annotationsDocumentName,
  annotationThreads,
  CloseCode,
  DenialReason,
  nodeText,
  readTree,
  roadmapDocumentName,
  TEXT_LIMITS,
  treeDocumentName,
  treeNodes,
} from '@cocrea/collab';
import { mergeStored } from '../src/collab/DocumentCompactor';
import { MAX_REFUSED_DOCUMENTS } from '../src/collab/AuthenticationExtension';
import { connectClient, createMesa, join, signedIn, startTestServer, storageOf, waitFor } from './harness';
import { authFrame, MessageType, updateFrame } from './rawFrames';

/*
 * What a participant can put into a shared document is bounded, on a real server: names that
 * name nothing cost nothing, a document has a size quota (4413), texts have a length (4422), and
 * the annotation rules read every part of every type (4403). A refused update is never stored.
 */

const QUOTA = 256 * 1024;
let server: Awaited<ReturnType<typeof startTestServer>>;
let mesaId: string;

beforeAll(async () => {
  // The message and connection budgets would cut the flood of names below short: measured here is memory.
  server = await startTestServer(undefined, { MAX_DOCUMENT_BYTES: String(QUOTA), WS_MESSAGES_PER_SECOND: '1000000', WS_CONNECTS_PER_SECOND: '100000' });
  mesaId = await createMesa(server.url);
});
afterAll(async () => {
  await server?.close();
});

const AUTH_DENIED = 1;
const AUTH_OK = 2;

/** A bare WebSocket that records the authentication answers it gets and how it was closed. */
async function rawSocket() {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/collab`);
  const answers = new Map<string, { ok: number; denied: string[] }>();
  let closed: { code: number; reason: string } | undefined;
  ws.on('message', (data: Buffer) => {
    const d = decoding.createDecoder(new Uint8Array(data));
    const name = decoding.readVarString(d);
    if (decoding.readVarUint(d) !== MessageType.Auth) return;
    const kind = decoding.readVarUint(d);
    const a = answers.get(name) ?? { ok: 0, denied: [] };
    if (kind === AUTH_OK) a.ok++;
    if (kind === AUTH_DENIED) a.denied.push(decoding.readVarString(d));
    answers.set(name, a);
  });
  ws.on('close', (code, reason) => (closed = { code, reason: reason.toString() }));
  await new Promise((r) => ws.once('open', r));
  return { ws, answers, closed: () => closed };
}

/** Authenticates a raw socket on `name`, sends one update, and resolves with how it was closed. */
async function rawUpdate(name: string, token: string, update: Uint8Array): Promise<{ code: number; reason: string }> {
  const s = await rawSocket();
  s.ws.send(authFrame(name, token));
  s.ws.send(updateFrame(name, update));
  return waitFor(() => s.closed(), 'the socket to be closed');
}

/** The update a client holding `doc`'s state would send after `edit`. */
function forge(doc: Y.Doc, edit: (copy: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const sv = Y.encodeStateVector(copy);
  edit(copy);
  return Y.encodeStateAsUpdate(copy, sv);
}

/** A document exactly as a restarted server would load it. */
async function stored(name: string): Promise<Y.Doc> {
  await server.settled();
  const storage = await storageOf(server.dataDir);
  try {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, mergeStored(await storage.documents.load(name)));
    return doc;
  } finally {
    await storage.close();
  }
}

const gc = (): (() => void) => {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
};

describe('document names that name nothing', () => {
  it('refuses thousands of unknown roadmaps of its own mesa at authentication: nothing allocated, memory returned', async () => {
    const j = await join(server.url, mesaId, 'Curiosa');
    const tree = treeDocumentName(mesaId);
    const baseline = { documents: server.hocuspocus.documents.size, loading: server.hocuspocus.loadingDocuments.size };
    const collect = gc();

    let n = 0;
    /** Asks for `count` unknown roadmaps, as many per socket as a socket may be refused. */
    const ask = async (count: number) => {
      const names: string[] = [];
      while (names.length < count) {
        const s = await rawSocket();
        // One real document first, so the refusals do not close the socket for want of one.
        s.ws.send(authFrame(tree, j.token));
        await waitFor(() => s.answers.get(tree)?.ok, 'the tree to be let in');
        const batch = Array.from({ length: MAX_REFUSED_DOCUMENTS }, () => roadmapDocumentName(mesaId, `nada${String(++n).padStart(6, '0')}`));
        for (const name of batch) s.ws.send(authFrame(name, j.token));
        await waitFor(() => batch.every((name) => s.answers.get(name)?.denied.length), 'the batch to be refused');
        for (const name of batch) expect(s.answers.get(name)).toEqual({ ok: 0, denied: [DenialReason.UnknownDocument] });
        expect(s.closed()).toBeUndefined();
        s.ws.close();
        await waitFor(() => s.closed(), 'the socket to close');
        names.push(...batch);
      }
      return names;
    };
    await ask(200); // warm up
    collect();
    const heapBefore = process.memoryUsage().heapUsed;
    await ask(2000);
    await waitFor(() => server.hocuspocus.documents.size === baseline.documents, 'the tree to unload');
    expect(server.hocuspocus.loadingDocuments.size).toBe(baseline.loading);
    collect();
    // Before the fix each name kept a destroyed-never Document (~6 KiB): 2,000 names, ~12 MiB.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(4 * 1024 * 1024);
  });

  it('closes a socket refused more documents than a client ever opens with 4429, even with a document let in', async () => {
    const j = await join(server.url, mesaId, 'Insistente');
    const s = await rawSocket();
    const tree = treeDocumentName(mesaId);
    s.ws.send(authFrame(tree, j.token));
    await waitFor(() => s.answers.get(tree)?.ok, 'the tree to be let in');
    for (let i = 0; i <= MAX_REFUSED_DOCUMENTS; i++) s.ws.send(authFrame(roadmapDocumentName(mesaId, `otra${i}`), j.token));
    expect(await waitFor(() => s.closed(), 'the socket to be closed')).toEqual({ code: CloseCode.RateLimited, reason: 'too-many-refusals' });
  });
});

describe('the size quota (MAX_DOCUMENT_BYTES)', () => {
  it('refuses an update that would take a document past its quota with 4413: not applied, not stored, others keep editing', async () => {
    const a = await join(server.url, mesaId, 'Ana');
    const ana = await connectClient(server.url, treeDocumentName(mesaId), a.token);
    const m = await join(server.url, mesaId, 'Malicia');
    const name = treeDocumentName(mesaId);
    // Plain values are not texts: only the quota bounds them.
    const blob = (key: string) => forge(ana.doc, (c) => treeNodes(c).get(PROBLEM_NODE_ID)?.set(key, 'x'.repeat(QUOTA / 2)));
    const first = await rawSocket();
    first.ws.send(authFrame(name, m.token));
    first.ws.send(updateFrame(name, blob('uno')));
    await waitFor(() => treeNodes(ana.doc).get(PROBLEM_NODE_ID)?.get('uno'), 'the first half to arrive');
    expect(first.closed()).toBeUndefined();
    first.ws.close();
    expect(await rawUpdate(name, m.token, blob('dos'))).toEqual({ code: CloseCode.DocumentTooLarge, reason: 'document-too-large' });
    expect(treeNodes(ana.doc).get(PROBLEM_NODE_ID)?.has('dos')).toBe(false);
    expect(treeNodes(server.hocuspocus.documents.get(name) as Y.Doc).get(PROBLEM_NODE_ID)?.has('dos')).toBe(false);
    const disk = await stored(name);
    expect(treeNodes(disk).get(PROBLEM_NODE_ID)?.has('uno')).toBe(true);
    expect(treeNodes(disk).get(PROBLEM_NODE_ID)?.has('dos')).toBe(false);

    // Deleting is always allowed, and frees room for ordinary edits again.
    treeNodes(ana.doc).get(PROBLEM_NODE_ID)?.delete('uno');
    nodeText(ana.doc, PROBLEM_NODE_ID)?.insert(0, 'Sigue ');
    await waitFor(() => ana.tracker.state.isSaved, 'the edit after the refusal saved');
    expect(readTree(await stored(name)).nodes[0]?.text.startsWith('Sigue ')).toBe(true);
    ana.destroy();
  });
});

describe('text limits', () => {
  it('refuses a node text longer than TEXT_LIMITS.treeNodeText with 4422 invalid:text-too-long, not stored', async () => {
    const a = await join(server.url, mesaId, 'Beto');
    const beto = await connectClient(server.url, treeDocumentName(mesaId), a.token);
    const name = treeDocumentName(mesaId);
    const long = forge(beto.doc, (c) => nodeText(c, PROBLEM_NODE_ID)?.insert(0, 'L'.repeat(TEXT_LIMITS.treeNodeText + 1)));
    expect(await rawUpdate(name, a.token, long)).toEqual({ code: CloseCode.InvalidContent, reason: 'invalid:text-too-long' });
    expect(readTree(await stored(name)).nodes[0]?.text).not.toContain('LLLL');
    // A label up to the limit is fine.
    nodeText(beto.doc, PROBLEM_NODE_ID)?.delete(0, nodeText(beto.doc, PROBLEM_NODE_ID)?.length ?? 0);
    nodeText(beto.doc, PROBLEM_NODE_ID)?.insert(0, 'k'.repeat(TEXT_LIMITS.treeNodeText));
    await waitFor(() => beto.tracker.state.isSaved, 'a label at the limit saved');
    expect(readTree(await stored(name)).nodes[0]?.text).toBe('k'.repeat(TEXT_LIMITS.treeNodeText));
    beto.destroy();
  });
});

describe('annotations: every part of every type', () => {
  it('refuses content in the list part of a thread’s map with 4403, not stored', async () => {
    const other = await createMesa(server.url, 'Mesa anotada');
    const expert = await signedIn(server, 'expert', { name: 'Dra. Ruiz', mesaIds: [other] });
    const { token, principal } = await expert.token(other);
    const name = annotationsDocumentName(other);
    const e = await connectClient(server.url, name, token);
    const thread = addNote(e.doc, { targetNodeId: 'cause00001', note: { kind: 'sugerencia', body: 'Revisar' }, author: { id: principal.id, name: principal.name, role: 'expert' } });
    await waitFor(() => e.tracker.state.isSaved, 'the note saved');
    const p = await join(server.url, other, 'Malicia');
    const payload = forge(e.doc, (c) => Y.Array.prototype.insert.call(annotationThreads(c).get(thread), 0, ['z'.repeat(100_000)]));
    expect(await rawUpdate(name, p.token, payload)).toEqual({ code: CloseCode.Forbidden, reason: 'forbidden:foreign-content' });
    const disk = await stored(name);
    expect((annotationThreads(disk).get(thread) as unknown as { _start: unknown })._start).toBeNull();
    e.destroy();
  });
});
