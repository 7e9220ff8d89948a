import http from 'node:http';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { addNode, applyTextChange, nodeText, SaveTracker, TEXT_LIMITS, treeNodes } from '@cocrea/collab';
import { PROBLEM_NODE_ID } from '@cocrea/domain';
import { authFrame, awarenessFrame, openRaw, sendDrained, updateFrame } from './rawSocket';

/**
 * One participant abusing the server, in a process of its own so that its CPU never slows the
 * victim's measurements. Started by `abuse.ts` with a JSON spec in `ABUSE_SPEC`; it prepares
 * (unmeasured), prints `ready`, then attacks until it is killed. Every loop is bounded by the
 * socket's own back-pressure and waits a little after each refusal, as a persistent attacker would.
 */
export interface AttackSpec {
  kind: AbuseKind;
  httpUrl: string;
  wsUrl: string;
  mesaId: string;
  token: string;
  /** The loopback address the attacker connects from (not the victim's). */
  localAddress: string;
}

/** The abuses the benchmark runs, one window each. */
export const ABUSES = ['export', 'unknown-names', 'awareness', 'growth', 'sockets'] as const;
/** One of {@link ABUSES}. */
export type AbuseKind = (typeof ABUSES)[number];

const pause = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const treeName = (mesaId: string) => `mesa:${mesaId}:tree`;

/** Fills the attacker's own tree with 1,500 nodes whose labels are one word as long as allowed. */
async function fillTree(spec: AttackSpec): Promise<(i: number) => Promise<void>> {
  const doc = new Y.Doc();
  const { localAddress } = spec;
  class BoundWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { localAddress });
    }
  }
  const socket = new HocuspocusProviderWebsocket({ url: spec.wsUrl, WebSocketPolyfill: BoundWebSocket });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: treeName(spec.mesaId), document: doc, token: spec.token });
  provider.attach();
  const tracker = new SaveTracker(doc, provider);
  await new Promise<void>((r) => provider.on('synced', () => r()));
  const author = { id: 'atacante', name: 'Atacante' };
  const word = (i: number) => `${i}`.padEnd(TEXT_LIMITS.treeNodeText, 'x');
  for (let batch = 0; batch < 15; batch++) {
    doc.transact(() => {
      for (let i = 0; i < 100; i++) addNode(doc, { parentId: PROBLEM_NODE_ID, kind: i % 2 ? 'cause' : 'effect', text: word(batch * 100 + i), author });
    });
  }
  const saved = () =>
    new Promise<void>((resolve) => {
      const done = () => tracker.state.isSaved && resolve();
      tracker.subscribe(done);
      done();
    });
  await saved();
  const first = treeNodes(doc).keys().next().value as string;
  // Each export asks for a tree changed by one letter: what the server cached cannot answer it.
  return async (i) => {
    const text = nodeText(doc, first);
    if (text) applyTextChange(text, word(i));
    await saved();
  };
}

/** GET with a Bearer token from `localAddress`; resolves with the status once the body is read. */
function getFrom(url: string, token: string, localAddress: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { localAddress, headers: { authorization: `Bearer ${token}` } }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode ?? 0));
      res.once('error', reject);
    });
    req.once('error', reject);
  });
}

/** Asks for the live tree as SVG and PNG, one request after another, changing a label before each. */
async function exportLoop(spec: AttackSpec, edit: (i: number) => Promise<void>): Promise<never> {
  for (let i = 0; ; i++) {
    await edit(100_000 + i);
    const format = i % 2 ? 'png' : 'svg';
    const status = await getFrom(`${spec.httpUrl}/api/mesas/${spec.mesaId}/tree.${format}`, spec.token, spec.localAddress).catch(() => 0);
    if (status !== 200) await pause(100);
  }
}

/** Opens made-up roadmap documents of its own mesa, 200 per socket, as fast as they are answered. */
async function unknownNamesLoop(spec: AttackSpec): Promise<never> {
  for (let n = 0; ; ) {
    try {
      const ws = await openRaw(spec.wsUrl, spec.localAddress);
      for (let i = 0; i < 200 && ws.readyState === WebSocket.OPEN; i++, n++) {
        await sendDrained(ws, authFrame(`mesa:${spec.mesaId}:roadmap:inventado${n}`, spec.token));
      }
      ws.terminate();
    } catch {
      await pause(100);
    }
  }
}

/** Announces 2,000 invented presence clients per frame, up to 20 frames a second. */
async function awarenessLoop(spec: AttackSpec): Promise<never> {
  const name = treeName(spec.mesaId);
  const state = { user: { id: 'atacante', name: 'Atacante', color: '#ff0000' }, cursor: { x: 1, y: 2 } };
  for (let clock = 1; ; ) {
    try {
      const ws = await openRaw(spec.wsUrl, spec.localAddress);
      await sendDrained(ws, authFrame(name, spec.token));
      while (ws.readyState === WebSocket.OPEN) {
        await sendDrained(ws, awarenessFrame(name, 1_000_000, 2000, clock++, state));
        await pause(50);
      }
    } catch {
      // refused at the upgrade; try again shortly
    }
    await pause(200);
  }
}

/** Grows its tree with valid nodes (labels within the limit), 200 nodes per update, until refused. */
async function growthLoop(spec: AttackSpec): Promise<never> {
  const name = treeName(spec.mesaId);
  const author = { id: 'atacante', name: 'Atacante' };
  for (;;) {
    try {
      const ws = await openRaw(spec.wsUrl, spec.localAddress);
      await sendDrained(ws, authFrame(name, spec.token));
      const doc = new Y.Doc();
      let i = 0;
      while (ws.readyState === WebSocket.OPEN) {
        const before = Y.encodeStateVector(doc);
        doc.transact(() => {
          for (let k = 0; k < 200; k++, i++) addNode(doc, { parentId: PROBLEM_NODE_ID, kind: 'cause', text: `${i}`.padEnd(TEXT_LIMITS.treeNodeText, 'y'), author });
        });
        await sendDrained(ws, updateFrame(name, Y.encodeStateAsUpdate(doc, before)));
      }
      doc.destroy();
    } catch {
      // refused at the upgrade
    }
    await pause(200);
  }
}

/** Holds as many idle, unauthenticated sockets as the server allows (at most 3,000), reopening closed ones. */
async function socketsLoop(spec: AttackSpec): Promise<never> {
  const open = new Set<WebSocket>();
  for (;;) {
    if (open.size >= 3000) {
      await pause(200);
      continue;
    }
    try {
      const ws = await openRaw(spec.wsUrl, spec.localAddress);
      open.add(ws);
      ws.once('close', () => open.delete(ws));
    } catch {
      await pause(200);
    }
  }
}

const LOOPS: Record<Exclude<AbuseKind, 'export'>, (spec: AttackSpec) => Promise<never>> = {
  'unknown-names': unknownNamesLoop,
  awareness: awarenessLoop,
  growth: growthLoop,
  sockets: socketsLoop,
};

if (process.env.ABUSE_SPEC) {
  const spec = JSON.parse(process.env.ABUSE_SPEC) as AttackSpec;
  if (spec.kind === 'export') {
    const edit = await fillTree(spec);
    process.stdout.write('ready\n');
    await exportLoop(spec, edit);
  } else {
    process.stdout.write('ready\n');
    await LOOPS[spec.kind](spec);
  }
}
