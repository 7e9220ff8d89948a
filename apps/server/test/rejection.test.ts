import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import { PROBLEM_NODE_ID } from '@cocrea/domain';
import { addNode, CloseCode, DenialReason, readTree, treeDocumentName } from '@cocrea/collab';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { adminOf, api, connectClient, createMesa, join, startTestServer, waitFor } from './harness';

let server: Awaited<ReturnType<typeof startTestServer>>;
let mesaId: string;

beforeAll(async () => {
  server = await startTestServer();
  mesaId = await createMesa(server.url);
});
afterAll(async () => {
  await server.close();
});

interface ErrorBody {
  error: { code: string; message: string };
}

describe('bad REST requests get a clear 4xx', () => {
  it('unknown mesa → 404 with a Spanish message', async () => {
    const r = await api<ErrorBody>(server.url, 'GET', '/api/mesas/NoExiste123');
    expect(r.status).toBe(404);
    expect(r.body.error).toEqual({ code: 'mesa_not_found', message: 'No existe esa mesa. Revisa el enlace.' });
    const j = await api<ErrorBody>(server.url, 'POST', '/api/mesas/NoExiste123/join', { name: 'Ana' });
    expect(j.status).toBe(404);
  });

  it('empty title → 400 naming the field', async () => {
    const admin = await adminOf(server.url);
    const r = await admin.api<ErrorBody & { error: { details: { field: string }[] } }>('POST', '/api/mesas', { title: '   ', topic: 'Agua' });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('validation_failed');
    expect(r.body.error.message).toContain('El título no puede estar vacío.');
    expect(r.body.error.details.map((d) => d.field)).toEqual(['title']);
  });

  it('join without a name → 400', async () => {
    const r = await api<ErrorBody>(server.url, 'POST', `/api/mesas/${mesaId}/join`, { name: '' });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toBe('Escribe tu nombre para unirte.');
  });

  it('malformed JSON → 400, a form post → 415, a huge body → 413, an unknown route → 404', async () => {
    const admin = await adminOf(server.url);
    const session = { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken };
    const bad = await fetch(`${server.url}/api/mesas`, { method: 'POST', headers: { 'content-type': 'application/json', ...session }, body: '{"title":' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorBody).error.code).toBe('invalid_json');
    const form = await fetch(`${server.url}/api/mesas`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...session }, body: 'title=x' });
    expect(form.status).toBe(415);
    const huge = await admin.api<ErrorBody>('POST', '/api/mesas', { title: 'x', topic: 'y', description: 'z'.repeat(200_000) });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('body_too_large');
    expect((await api(server.url, 'GET', '/api/nada')).status).toBe(404);
  });

  it('healthz answers 200 with JSON', async () => {
    const r = await api<{ status: string }>(server.url, 'GET', '/healthz');
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('ok');
  });
});

/** Connects a provider that is expected to be refused; resolves with the reason and close code. */
async function refused(documentName: string, token: string): Promise<{ reason: string; code: number | undefined }> {
  const doc = new Y.Doc();
  let code: number | undefined;
  let reason: string | undefined;
  const socket = new HocuspocusProviderWebsocket({
    url: `${server.url.replace('http', 'ws')}/collab`,
    WebSocketPolyfill: WebSocket,
    onClose: ({ event }) => {
      code ??= event.code;
    },
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: documentName,
    document: doc,
    token,
    onAuthenticationFailed: (e) => {
      reason = e.reason;
    },
  });
  provider.attach();
  await waitFor(() => reason !== undefined && code !== undefined, 'refusal');
  provider.destroy();
  socket.destroy();
  return { reason: reason as string, code };
}

describe('the WebSocket refuses what it must', () => {
  it('a missing, forged, expired or other-mesa token, or an unknown document, is refused with 4401', async () => {
    const other = await createMesa(server.url, 'Otra mesa');
    const good = await join(server.url, mesaId, 'Ana');
    const forged = await new SignJWT({ name: 'Eva', color: '#000', role: 'participant', mesa: mesaId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('p_forged0000')
      .setIssuer('cocrea')
      .setAudience('cocrea:collab')
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode('x'.repeat(48)));
    const cases: [string, string, string][] = [
      [treeDocumentName(mesaId), '', DenialReason.MissingToken],
      [treeDocumentName(mesaId), 'not-a-jwt', DenialReason.InvalidToken],
      [treeDocumentName(mesaId), forged, DenialReason.InvalidToken],
      [treeDocumentName(other), good.token, DenialReason.WrongMesa],
      [`mesa:${mesaId}:secret`, good.token, DenialReason.UnknownDocument],
    ];
    for (const [doc, token, reason] of cases) {
      expect(await refused(doc, token), `${doc} ${reason}`).toEqual({ reason, code: CloseCode.Unauthorized });
    }
  });

  it('an expired token is refused as expired', async () => {
    const short = await startTestServer(server.dataDir, { TOKEN_TTL_SECONDS: '30' });
    try {
      const j = await join(short.url, mesaId, 'Ana');
      const [, payload] = j.token.split('.');
      const claims = JSON.parse(Buffer.from(payload as string, 'base64url').toString()) as { exp: number };
      expect(claims.exp - Date.now() / 1000).toBeLessThanOrEqual(30);
      // Re-sign an already-expired token with the server's own secret (kept in DATA_DIR).
      const fs = await import('node:fs');
      const secret = fs.readFileSync(`${server.dataDir}/auth-secret`, 'utf8');
      const expired = await new SignJWT({ name: 'Ana', color: '#000', role: 'participant', mesa: mesaId })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('p_expired000')
        .setIssuer('cocrea')
        .setAudience('cocrea:collab')
        .setIssuedAt(Math.floor(Date.now() / 1000) - 120)
        .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
        .sign(new TextEncoder().encode(secret));
      expect((await refused(treeDocumentName(mesaId), expired)).reason).toBe(DenialReason.ExpiredToken);
    } finally {
      await short.close();
    }
  });

  it('an oversized message closes only that socket with 1009; others keep editing and nothing saved changes', async () => {
    const a = await join(server.url, mesaId, 'Ana');
    const ana = await connectClient(server.url, a.documents.tree, a.token);
    addNode(ana.doc, { parentId: PROBLEM_NODE_ID, kind: 'cause', text: 'antes', author: { id: a.participant.id, name: 'Ana' } });
    await waitFor(() => ana.tracker.state.isSaved, 'first edit saved');
    const before = JSON.stringify(readTree(ana.doc));

    const raw = new WebSocket(`${server.url.replace('http', 'ws')}/collab`);
    await new Promise((r) => raw.once('open', r));
    const closed = new Promise<number>((r) => raw.once('close', (code) => r(code)));
    raw.send(Buffer.alloc(2 * 1024 * 1024, 7));
    expect(await closed).toBe(CloseCode.MessageTooBig);

    const garbage = new WebSocket(`${server.url.replace('http', 'ws')}/collab`);
    await new Promise((r) => garbage.once('open', r));
    const garbageClosed = new Promise<number>((r) => garbage.once('close', (code) => r(code)));
    garbage.send(Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]));
    expect([CloseCode.Unauthorized, CloseCode.ResetConnection]).toContain(await garbageClosed);

    // A client with a valid token sending a malformed update is cut off before anything is logged.
    const m = await join(server.url, mesaId, 'Malicia');
    const bad = new WebSocket(`${server.url.replace('http', 'ws')}/collab`);
    await new Promise((r) => bad.once('open', r));
    const badClosed = new Promise<number>((r) => bad.once('close', (code) => r(code)));
    const name = treeDocumentName(mesaId);
    const frame = (write: (e: encoding.Encoder) => void) => {
      const e = encoding.createEncoder();
      encoding.writeVarString(e, name);
      write(e);
      return encoding.toUint8Array(e);
    };
    bad.send(frame((e) => { encoding.writeVarUint(e, 2); encoding.writeVarUint(e, 0); encoding.writeVarString(e, m.token); }));
    bad.send(frame((e) => { encoding.writeVarUint(e, 0); encoding.writeVarUint(e, 2); encoding.writeVarUint8Array(e, new Uint8Array([9, 9, 9, 9, 9, 9])); }));
    expect(await badClosed).toBe(CloseCode.ResetConnection);

    expect(JSON.stringify(readTree(ana.doc))).toBe(before);
    addNode(ana.doc, { parentId: PROBLEM_NODE_ID, kind: 'effect', text: 'después', author: { id: a.participant.id, name: 'Ana' } });
    await waitFor(() => ana.tracker.state.isSaved, 'edit after the attacks saved');
    const b = await join(server.url, mesaId, 'Beto');
    const beto = await connectClient(server.url, b.documents.tree, b.token);
    expect(readTree(beto.doc).nodes.map((n) => n.text)).toEqual(expect.arrayContaining(['antes', 'después']));
    ana.destroy();
    beto.destroy();
  });
});
