import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as decoding from 'lib0/decoding';
import { PROBLEM_NODE_ID } from '@cocrea/domain';
import { addNode, CloseCode, readTree, treeDocumentName } from '@cocrea/collab';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { api, connectClient, createMesa, join, startTestServer, waitFor, type TestClient } from './harness';
import { authFrame, awarenessFrame } from './rawFrames';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const wsUrl = (server: TestServer) => `${server.url.replace('http', 'ws')}/collab`;

/** A raw WebSocket that records how the server closed it and what it sent. */
interface RawSocket {
  ws: WebSocket;
  received: Uint8Array[];
  closed: Promise<{ code: number; reason: string }>;
}

function openRaw(server: TestServer, headers: Record<string, string> = {}): Promise<RawSocket> {
  const ws = new WebSocket(wsUrl(server), { headers });
  const received: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, received, closed }));
    ws.once('error', reject);
  });
}

/** Opens a socket expected to be refused at upgrade: its HTTP status and JSON body. */
function refusedUpgrade(server: TestServer, headers: Record<string, string> = {}): Promise<{ status: number; body: { error: { code: string; message: string } } }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl(server), { headers });
    ws.once('open', () => {
      ws.close();
      reject(new Error('the socket was admitted'));
    });
    ws.once('error', () => undefined);
    ws.once('unexpected-response', (_req, res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as { error: { code: string; message: string } } }));
    });
  });
}

/** Whether the server has told this raw socket that `doc` is authenticated. */
function isAuthenticated(raw: RawSocket): boolean {
  return raw.received.some((m) => {
    const d = decoding.createDecoder(m);
    decoding.readVarString(d);
    return decoding.readVarUint(d) === 2 && decoding.readVarUint(d) === 2;
  });
}

describe('presence, per-socket bounds and the handshake timeout', () => {
  let server: TestServer;
  let mesaId: string;
  beforeAll(async () => {
    server = await startTestServer(undefined, { WS_AUTH_TIMEOUT_SECONDS: '1' });
    mesaId = await createMesa(server.url);
  });
  afterAll(async () => {
    await server.close();
  });

  it('presence for 2,000 invented participants is neither relayed nor kept, and the socket is closed with 4422', async () => {
    const name = treeDocumentName(mesaId);
    const ana = await join(server.url, mesaId, 'Ana');
    const eva = await join(server.url, mesaId, 'Eva');
    const peer: TestClient = await connectClient(server.url, name, ana.token);
    let most = 0;
    const awareness = peer.provider.awareness as NonNullable<HocuspocusProvider['awareness']>;
    awareness.on('change', () => (most = Math.max(most, awareness.getStates().size)));
    const raw = await openRaw(server);
    raw.ws.send(authFrame(name, eva.token));
    await waitFor(() => isAuthenticated(raw), 'the raw socket to be let in');

    const evaId = 424242;
    raw.ws.send(awarenessFrame(name, [[evaId, 1, { name: 'Eva' }]]));
    await waitFor(() => (awareness.getStates().get(evaId) as { name?: string } | undefined)?.name === 'Eva', 'Eva to be present');
    const invented = awarenessFrame(name, Array.from({ length: 2000 }, (_, i) => [1_000_000 + i, 1, { name: `falso ${i}`, color: '#ff0000' }] as [number, number, unknown]));
    expect(invented.length).toBeLessThan(1_048_576);
    raw.ws.send(invented);
    // Frames of one socket are handled in order: once Eva's next state arrives, the invented ones were dropped.
    raw.ws.send(awarenessFrame(name, [[evaId, 2, { name: 'Eva (2)' }]]));
    await waitFor(() => (awareness.getStates().get(evaId) as { name?: string } | undefined)?.name === 'Eva (2)', "Eva's next state");
    expect(most, 'most states a peer saw').toBe(2);
    expect(awareness.getStates().size, 'states a peer sees').toBe(2);
    const held = server.hocuspocus.documents.get(name)?.awareness;
    // Eva, and Ana once her provider's first state (clock 0) is superseded; never an invented one.
    expect([...(held?.getStates().keys() ?? [])].filter((id) => id !== peer.doc.clientID), 'states the server holds').toEqual([evaId]);
    expect(held?.meta.size, 'clients the server remembers').toBeLessThanOrEqual(3);

    raw.ws.send(invented);
    raw.ws.send(invented);
    expect(await raw.closed).toEqual({ code: CloseCode.InvalidContent, reason: 'invalid:awareness' });
    expect(most, 'most states a peer saw').toBe(2);
    await waitFor(() => awareness.getStates().size === 1, "Eva's presence to leave with her socket");
    peer.destroy();
  });

  it('a socket that authenticates no document in time is closed with 4408; an authenticated one stays', async () => {
    const ana = await join(server.url, mesaId, 'Ana');
    const client = await connectClient(server.url, treeDocumentName(mesaId), ana.token);
    const raw = await openRaw(server);
    expect(await raw.closed).toEqual({ code: CloseCode.ConnectionTimeout, reason: 'authentication-timeout' });
    expect(client.provider.configuration.websocketProvider.status).toBe('connected');
    expect(client.provider.isAuthenticated).toBe(true);
    client.destroy();
  });
});

describe('sockets per IP and in all', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(undefined, { MAX_SOCKETS_PER_IP: '3', MAX_SOCKETS: '5' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('refuses a fourth socket from one IP with 429 and a Spanish message, and a sixth in all with 503', async () => {
    const mine = await Promise.all([openRaw(server), openRaw(server), openRaw(server)]);
    const refused = await refusedUpgrade(server);
    expect(refused.status).toBe(429);
    expect(refused.body.error).toEqual({ code: 'too_many_sockets', message: expect.stringContaining('Hay demasiadas conexiones abiertas desde tu red') as string });

    // Behind a trusted proxy (loopback by default) the client IP is the forwarded one, as for REST.
    const other = await openRaw(server, { 'x-forwarded-for': '203.0.113.7' });
    const third = await openRaw(server, { 'x-forwarded-for': '203.0.113.8' });
    const full = await refusedUpgrade(server, { 'x-forwarded-for': '203.0.113.9' });
    expect(full.status).toBe(503);
    expect(full.body.error.message).toContain('El servidor tiene demasiadas conexiones abiertas');

    // A closed socket gives its slot back.
    mine[0]?.ws.close();
    await mine[0]?.closed;
    const again = await waitFor(async () => {
      try {
        return await openRaw(server);
      } catch {
        return undefined;
      }
    }, 'a slot to free up');
    for (const s of [...mine, other, third, again]) s?.ws.close();
  });
});

describe('the per-connection update budget', () => {
  let server: TestServer;
  let mesaId: string;
  beforeAll(async () => {
    server = await startTestServer(undefined, { WS_MESSAGES_PER_SECOND: '5' });
    mesaId = await createMesa(server.url);
  });
  afterAll(async () => {
    await server.close();
  });

  it('a socket sending updates faster than its budget is closed with 4429 and nothing of the offending update is applied', async () => {
    const name = treeDocumentName(mesaId);
    const ana = await join(server.url, mesaId, 'Ana');
    const beto = await join(server.url, mesaId, 'Beto');
    const observer = await connectClient(server.url, name, beto.token);
    const doc = new Y.Doc();
    let closedWith: { code: number; reason: string } | undefined;
    const socket: HocuspocusProviderWebsocket = new HocuspocusProviderWebsocket({
      url: wsUrl(server),
      WebSocketPolyfill: WebSocket,
      onClose: ({ event }) => {
        closedWith ??= { code: event.code, reason: event.reason };
        // Registered before the provider's own handler: no reconnection resends the work.
        socket.shouldConnect = false;
      },
    });
    const provider = new HocuspocusProvider({ websocketProvider: socket, name, document: doc, token: ana.token });
    provider.attach();
    await waitFor(() => provider.synced, 'sync');

    const author = { id: ana.participant.id, name: 'Ana' };
    const sent = 60;
    // A few at a human pace are let in and applied…
    for (let i = 0; i < 3; i++) {
      addNode(doc, { parentId: PROBLEM_NODE_ID, kind: 'cause', text: `nodo ${i}`, author });
      await waitFor(() => readTree(observer.doc).nodes.some((n) => n.text === `nodo ${i}`), `nodo ${i} to reach a peer`);
    }
    // …then a flood overdraws the budget.
    for (let i = 3; i < sent; i++) addNode(doc, { parentId: PROBLEM_NODE_ID, kind: 'cause', text: `nodo ${i}`, author });
    await waitFor(() => closedWith, 'the socket to be closed');
    expect(closedWith).toEqual({ code: CloseCode.RateLimited, reason: 'rate-limited' });
    await waitFor(() => server.hocuspocus.getConnectionsCount() === 1, "the writer's connection to be gone");

    const serverDoc = server.hocuspocus.documents.get(name);
    const texts = readTree(serverDoc as Y.Doc).nodes.filter((n) => n.kind === 'cause').map((n) => n.text).sort((a, b) => Number(a.slice(5)) - Number(b.slice(5)));
    // What was applied is exactly the updates before the budget ran out; the rest, from the offending one on, is not.
    expect(texts.length).toBeGreaterThanOrEqual(3);
    expect(texts.length).toBeLessThan(sent);
    expect(texts).toEqual(Array.from({ length: texts.length }, (_, i) => `nodo ${i}`));
    provider.destroy();
    socket.destroy();
    doc.destroy();
    observer.destroy();
    // What was let in before the close is written as usual.
    await waitFor(async () => (await api<{ pendingWrites: number }>(server.url, 'GET', '/healthz')).body.pendingWrites === 0, 'the durable log to be written');
  });

});
