import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PROBLEM_NODE_ID, treeViolations } from '@cocrea/domain';
import { addNode, applyTextChange, deleteSubtree, nodeText, readTree, setPositions, treeNodes } from '@cocrea/collab';
import { connectClient, createMesa, join, scrapeMetrics, startTestServer, waitFor, type TestClient } from './harness';

let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

function randomEdit(c: TestClient, rnd: () => number, author: { id: string; name: string }): void {
  const tree = readTree(c.doc);
  const target = tree.nodes[Math.floor(rnd() * tree.nodes.length)];
  if (!target) return;
  const r = rnd();
  if (r < 0.35) {
    addNode(c.doc, { parentId: target.id, ...(target.kind === 'problem' ? { kind: rnd() < 0.5 ? 'cause' : 'effect' } : {}), text: author.name, author });
  } else if (r < 0.45 && target.kind !== 'problem') {
    deleteSubtree(c.doc, target.id);
  } else if (r < 0.8) {
    const t = nodeText(c.doc, target.id);
    if (t) {
      const s = t.toJSON();
      const at = Math.floor(rnd() * (s.length + 1));
      applyTextChange(t, s.slice(0, at) + String.fromCharCode(97 + Math.floor(rnd() * 26)) + s.slice(at));
    }
  } else if (r < 0.9 && target.kind !== 'problem') {
    const other = tree.nodes[Math.floor(rnd() * tree.nodes.length)];
    if (other) treeNodes(c.doc).get(target.id)?.set('parentId', other.id);
  } else {
    setPositions(c.doc, new Map([[target.id, { x: Math.round(rnd() * 2000 - 1000), y: Math.round(rnd() * 2000 - 1000) }]]));
  }
}

describe('five real providers editing one mesa at once', () => {
  it('converge to identical, valid trees, all saved, and the server reloads the same tree', async () => {
    const mesaId = await createMesa(server.url);
    const clients: TestClient[] = [];
    const authors: { id: string; name: string }[] = [];
    for (let i = 0; i < 5; i++) {
      const j = await join(server.url, mesaId, `Persona ${i + 1}`);
      authors.push({ id: j.participant.id, name: j.participant.name });
      clients.push(await connectClient(server.url, j.documents.tree, j.token));
    }
    let seed = 42;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    // Interleave bursts from every client without waiting for the network in between.
    for (let round = 0; round < 40; round++) {
      for (let i = 0; i < clients.length; i++) {
        const bursts = 1 + Math.floor(rnd() * 3);
        for (let k = 0; k < bursts; k++) randomEdit(clients[i] as TestClient, rnd, authors[i] as { id: string; name: string });
      }
      if (round % 5 === 0) await new Promise((r) => setImmediate(r));
    }

    const encoded = (c: TestClient) => Buffer.from(Y.encodeStateVector(c.doc)).toString('base64');
    await waitFor(() => clients.every((c) => encoded(c) === encoded(clients[0] as TestClient)), 'state vectors to agree');
    await waitFor(() => clients.every((c) => c.tracker.state.isSaved), 'every client to see Guardado');
    const trees = clients.map((c) => readTree(c.doc));
    for (const t of trees) {
      expect(treeViolations(t)).toEqual([]);
      expect(t).toEqual(trees[0]);
    }
    expect(trees[0]?.nodes.length).toBeGreaterThan(10);
    expect(trees[0]?.problem.id).toBe(PROBLEM_NODE_ID);

    // The work shows in the Prometheus metrics.
    const metrics = await scrapeMetrics(server.url);
    const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(metrics)?.[1] ?? NaN);
    expect(value('cocrea_updates_total')).toBeGreaterThan(100);
    expect(value('cocrea_connections')).toBe(5);
    expect(value('cocrea_documents_loaded')).toBe(1);
    expect(value('cocrea_ack_latency_seconds_count')).toBe(value('cocrea_updates_total'));
    expect(value('cocrea_durable_write_seconds_count')).toBeGreaterThan(0);
    expect(value('cocrea_durable_write_seconds_count')).toBeLessThan(value('cocrea_updates_total'));

    // A newcomer loads the same tree from the server.
    const j = await join(server.url, mesaId, 'Recién llegada');
    const late = await connectClient(server.url, j.documents.tree, j.token);
    expect(readTree(late.doc)).toEqual(trees[0]);
    for (const c of [...clients, late]) c.destroy();

    // And after a restart, from disk alone (snapshot + log tail).
    await server.close();
    server = await startTestServer(server.dataDir);
    const again = await join(server.url, mesaId, 'Después del reinicio');
    const reloaded = await connectClient(server.url, again.documents.tree, again.token);
    expect(readTree(reloaded.doc)).toEqual(trees[0]);
    reloaded.destroy();
  });
});
