import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { PROBLEM_NODE_ID } from '@cocrea/domain';
import { addNode, CloseCode, readTree, treeDocumentName } from '@cocrea/collab';
import { connectClient, createMesa, join, startTestServer, storageOf, waitFor, type TestClient } from './harness';

/*
 * Fuzzing the two doors of the server: at least 100 000 malformed or random WebSocket frames and
 * HTTP bodies, while two people keep editing. The server must stay up, the editors must keep
 * saving, no stored document may change except by their edits, and every answer must be a clean
 * error: a documented close code, or a 4xx with a JSON `{ error: { code, message } }`.
 * `FUZZ_SEED` reproduces a run (the seed is printed).
 */

const WS_FRAMES = Number(process.env.FUZZ_WS_FRAMES ?? 90_000);
const HTTP_BODIES = Number(process.env.FUZZ_HTTP_BODIES ?? 12_000);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

/** mulberry32: small, fast, seedable. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  const bytes = (n: number) => {
    const b = new Uint8Array(n);
    for (let i = 0; i < n; i++) b[i] = int(256);
    return b;
  };
  return { next, int, pick, bytes };
}

const rnd = prng(SEED);

/** Close codes the server may use, all documented in docs/collaboration.md. */
const DOCUMENTED = new Set<number>([CloseCode.MessageTooBig, CloseCode.Unauthorized, CloseCode.ResetConnection, CloseCode.ConnectionTimeout, 4403, CloseCode.InvalidContent, CloseCode.RateLimited]);

/** A Yjs update that does not decode (checked), so no chance of it being a real edit. */
function malformedUpdate(): Uint8Array {
  for (;;) {
    const kind = rnd.int(3);
    let u: Uint8Array;
    if (kind === 0) u = rnd.bytes(1 + rnd.int(64));
    else if (kind === 1) {
      // A real update cut short.
      const d = new Y.Doc();
      d.getMap('x').set(String(rnd.int(1000)), 'y'.repeat(rnd.int(50)));
      const full = Y.encodeStateAsUpdate(d);
      u = full.slice(0, 1 + rnd.int(full.length - 1));
    } else {
      // A huge struct count.
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 2 ** 31 + rnd.int(1000));
      encoding.writeUint8Array(e, rnd.bytes(rnd.int(16)));
      u = encoding.toUint8Array(e);
    }
    try {
      Y.decodeUpdate(u);
    } catch {
      return u;
    }
  }
}

/** One frame: random bytes, or a Hocuspocus envelope with a hostile body. */
function frame(docName: string, token: string): Uint8Array | string {
  const e = encoding.createEncoder();
  const kind = rnd.int(10);
  if (kind === 0) return rnd.bytes(rnd.int(300));
  if (kind === 1) return String.fromCharCode(...rnd.bytes(rnd.int(100)));
  encoding.writeVarString(e, rnd.int(5) === 0 ? `mesa:${String.fromCharCode(...rnd.bytes(rnd.int(30)))}` : docName);
  switch (kind) {
    case 2: // sync update with a body that does not decode
    case 3:
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, rnd.pick([0, 1, 2, 3, 99]));
      encoding.writeVarUint8Array(e, malformedUpdate());
      break;
    case 4: // awareness garbage
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(e, rnd.bytes(rnd.int(80)));
      break;
    case 5: // auth with a garbage or valid token, or an unknown auth message
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint(e, rnd.int(4));
      encoding.writeVarString(e, rnd.int(3) === 0 ? token : String.fromCharCode(...rnd.bytes(rnd.int(60))));
      break;
    case 6: // stateless with random text, or a flush with a hostile id
      encoding.writeVarUint(e, 5);
      encoding.writeVarString(e, rnd.int(2) ? JSON.stringify({ type: 'flush', id: rnd.pick([-1, 1e308, 'x', null, {}]) }) : String.fromCharCode(...rnd.bytes(rnd.int(60))));
      break;
    case 7: // unknown message types and truncated varints
      encoding.writeVarUint(e, 6 + rnd.int(200));
      encoding.writeUint8Array(e, rnd.bytes(rnd.int(40)));
      break;
    default:
      encoding.writeUint8Array(e, new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]));
  }
  return encoding.toUint8Array(e);
}

/** A random JSON-ish value, sometimes deep, sometimes huge, with real field names as keys. */
function randomValue(depth = 0): unknown {
  const keys = ['title', 'topic', 'description', 'name', 'participantId', 'criteria', 'decision', 'text', 'causeIds', 'email', 'password', '__proto__', 'constructor', ''];
  switch (rnd.int(depth > 3 ? 6 : 9)) {
    case 0:
      return null;
    case 1:
      return rnd.pick([0, -1, 1e308, -0, 2 ** 53 + 1, 3.5]);
    case 2:
      return rnd.pick([true, false]);
    case 3:
      return String.fromCharCode(...rnd.bytes(rnd.int(40)));
    case 4:
      return rnd.pick(['', ' ', '\u0000', 'x'.repeat(5000), '<script>alert(1)</script>', "'; DROP TABLE mesas; --", 'ñ'.repeat(70)]);
    case 5:
      return rnd.pick([[], {}, [[]], { a: {} }]);
    case 6:
    case 7: {
      const o: Record<string, unknown> = {};
      for (let i = rnd.int(5); i > 0; i--) o[rnd.pick(keys)] = randomValue(depth + 1);
      return o;
    }
    default:
      return Array.from({ length: rnd.int(5) }, () => randomValue(depth + 1));
  }
}

/** A request body: random JSON, broken JSON, or random bytes; with a fitting or wrong type. */
function randomBody(): { body: string | Uint8Array; type: string } {
  const k = rnd.int(6);
  if (k === 0) return { body: rnd.bytes(rnd.int(200)), type: 'application/json' };
  if (k === 1) return { body: JSON.stringify(randomValue()).slice(0, 1 + rnd.int(40)), type: 'application/json' };
  if (k === 2) return { body: JSON.stringify(randomValue()), type: rnd.pick(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', 'application/xml']) };
  return { body: JSON.stringify(randomValue()), type: 'application/json' };
}

/** A 4xx body as the API promises it: JSON `{ error: { code, message } }` with a message. */
function isCleanError(text: string): boolean {
  try {
    const j = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    return typeof j.error?.code === 'string' && typeof j.error.message === 'string' && j.error.message.length > 0;
  } catch {
    return false;
  }
}

let server: Awaited<ReturnType<typeof startTestServer>>;
let mesaId: string;
let ana: TestClient;
let beto: TestClient;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  ana?.destroy();
  beto?.destroy();
  await server.close();
});

/** A document's state vector and content: equal fingerprints, same document. */
function fingerprint(d: Y.Doc): string {
  return `${Buffer.from(Y.encodeStateVector(d)).toString('base64')} ${JSON.stringify(readTree(d))}`;
}

/** Every stored document of the mesa, merged, as a fingerprint; keyed by document name. */
async function storedDocuments(): Promise<Map<string, string>> {
  const storage = await storageOf(server.dataDir);
  try {
    const out = new Map<string, string>();
    for (const name of [treeDocumentName(mesaId)]) {
      const s = await storage.documents.load(name);
      const d = new Y.Doc();
      if (s.snapshot) Y.applyUpdate(d, s.snapshot);
      for (const u of s.updates) Y.applyUpdate(d, u);
      out.set(name, fingerprint(d));
    }
    return out;
  } finally {
    await storage.close();
  }
}

describe('fuzzing', () => {
  it(`survives ${WS_FRAMES + HTTP_BODIES} malformed frames and bodies; editors keep saving; nothing stored changes`, { timeout: 600_000 }, async () => {
    console.log(`fuzz seed ${SEED} (FUZZ_SEED=${SEED} reproduces it)`);
    mesaId = await createMesa(server.url);
    const a = await join(server.url, mesaId, 'Ana');
    const b = await join(server.url, mesaId, 'Beto');
    ana = await connectClient(server.url, a.documents.tree, a.token);
    beto = await connectClient(server.url, b.documents.tree, b.token);
    const author = { id: a.participant.id, name: 'Ana' };

    // Ana and Beto keep editing throughout.
    let editing = true;
    let edits = 0;
    const editor = (async () => {
      while (editing) {
        addNode(ana.doc, { parentId: PROBLEM_NODE_ID, kind: edits % 2 ? 'cause' : 'effect', text: `edición ${edits++}`, author });
        await new Promise((r) => setTimeout(r, 25));
      }
    })();

    const name = treeDocumentName(mesaId);
    const wsUrl = `${server.url.replace('http', 'ws')}/collab`;
    let framesSent = 0;
    const closeCodes = new Map<number, number>();
    const fuzzSocket = async (): Promise<void> => {
      const ws = new WebSocket(wsUrl);
      const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
      ws.on('error', () => undefined);
      await new Promise<void>((resolve) => ws.once('open', () => resolve()).once('close', () => resolve()));
      let byUs = false;
      for (let burst = 0; burst < 20 && ws.readyState === WebSocket.OPEN && framesSent < WS_FRAMES; burst++) {
        for (let i = 0; i < 100 && ws.readyState === WebSocket.OPEN; i++) {
          ws.send(frame(name, a.token));
          framesSent++;
        }
        // A ping answered means the server has read every frame before it.
        await new Promise<void>((resolve) => {
          if (ws.readyState !== WebSocket.OPEN) return resolve();
          ws.once('pong', () => resolve()).once('close', () => resolve());
          ws.ping();
        });
      }
      if (ws.readyState === WebSocket.OPEN) {
        byUs = true;
        ws.close(1000);
      }
      const code = await closed;
      if (!byUs) closeCodes.set(code, (closeCodes.get(code) ?? 0) + 1);
    };
    const wsFuzz = (async () => {
      const lanes = Array.from({ length: 8 }, async () => {
        while (framesSent < WS_FRAMES) await fuzzSocket();
      });
      await Promise.all(lanes);
    })();

    const routes = [
      () => ['POST', '/api/mesas'],
      () => ['POST', `/api/mesas/${mesaId}/join`],
      () => ['POST', `/api/mesas/${mesaId}/alternatives`],
      () => ['POST', `/api/mesas/${mesaId}/commitments`],
      () => ['POST', '/api/commitments/c_no_existe_1/review'],
      () => ['PATCH', `/api/mesas/${mesaId}`],
      () => ['POST', '/api/pams'],
      () => ['PATCH', '/api/pams/pam_no_existe'],
      () => ['POST', '/api/auth/sign-in'],
      () => ['POST', '/api/invitations'],
      () => ['POST', `/api/mesas/${encodeURIComponent(String.fromCharCode(...rnd.bytes(8)))}/join`],
    ] as const;
    let bodiesSent = 0;
    const statuses = new Map<number, number>();
    const unclean: string[] = [];
    const httpFuzz = (async () => {
      const lanes = Array.from({ length: 12 }, async () => {
        while (bodiesSent < HTTP_BODIES) {
          bodiesSent++;
          const [method, url] = rnd.pick(routes)();
          const { body, type } = randomBody();
          const auth: Record<string, string> = rnd.int(3) === 0 ? { authorization: `Bearer ${rnd.int(2) ? a.token : 'x.y.z'}` } : {};
          const res = await fetch(server.url + url, { method, headers: { 'content-type': type, ...auth }, body: typeof body === 'string' ? body : Buffer.from(body) });
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          const text = await res.text();
          if (res.status >= 500) unclean.push(`${method} ${url} → ${res.status} ${text.slice(0, 200)}`);
          else if (res.status >= 400) {
            if (!isCleanError(text)) unclean.push(`${method} ${url} → ${res.status} without a JSON error: ${text.slice(0, 200)}`);
          }
        }
      });
      await Promise.all(lanes);
    })();

    const before = edits;
    // Hocuspocus reports every undecodable frame on the console itself; count, don't print, them.
    const said = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const logged = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await Promise.all([wsFuzz, httpFuzz]);
    const consoleLines = said.mock.calls.length + logged.mock.calls.length;
    said.mockRestore();
    logged.mockRestore();
    editing = false;
    await editor;
    console.log(
      `fuzz: ${framesSent} WebSocket frames (server closes: ${JSON.stringify(Object.fromEntries(closeCodes))}), ` +
        `${bodiesSent} HTTP bodies (statuses: ${JSON.stringify(Object.fromEntries(statuses))}), ${edits - before} edits meanwhile, ` +
        `${consoleLines} console lines from Hocuspocus`,
    );

    expect(framesSent + bodiesSent).toBeGreaterThanOrEqual(100_000);
    expect(unclean).toEqual([]);
    for (const code of closeCodes.keys()) expect(DOCUMENTED, `close code ${code}`).toContain(code);
    // The server is up and the editors kept working: every edit saved and seen by the other.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(edits - before).toBeGreaterThan(10);
    await waitFor(() => ana.tracker.state.isSaved, "Ana's edits saved", 30_000);
    await waitFor(
      () => Buffer.from(Y.encodeStateVector(beto.doc)).equals(Buffer.from(Y.encodeStateVector(ana.doc))),
      'Beto to see every edit of Ana',
      30_000,
    );
    // What is stored is exactly what the editors made: no fuzzed byte reached a document.
    const stored = await storedDocuments();
    expect(stored.get(name)).toBe(fingerprint(ana.doc));
  });
});
