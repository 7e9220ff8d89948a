import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBLEM_NODE_ID } from '@cocrea/domain';
import { addNode, applyTextChange, nodeText, TEXT_LIMITS } from '@cocrea/collab';
import { TREE_IMAGE_LIMITS } from '../src/exports/treeLimits';
import { connectClient, createMesa, signedIn, startTestServer, waitFor, type Session, type TestClient } from './harness';

// Idle export processes exit after a second; the time budget is generous because this checks where
// the work runs and how big the result is, not how fast.
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer(undefined, { EXPORT_IDLE_SECONDS: '1', EXPORT_PROCESSES: '1', EXPORT_TIMEOUT_SECONDS: '300' });
});
afterAll(async () => {
  await server.close();
});

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

describe('a pathological tree export', () => {
  let mesaId: string;
  let ana: Session;
  let tree: TestClient;
  let firstCause = '';

  beforeAll(async () => {
    mesaId = await createMesa(server.url, 'Mesa de un árbol enorme');
    ana = await signedIn(server, 'facilitator', { name: 'Ana' });
    const collab = await ana.token(mesaId);
    tree = await connectClient(server.url, collab.documents.tree, collab.token);
    // 1,500 causes whose labels are single words as long as a label may be.
    tree.doc.transact(() => {
      for (let i = 0; i < 1500; i++) {
        const text = `${String.fromCharCode(97 + (i % 26)).repeat(TEXT_LIMITS.treeNodeText - 8)}${String(i).padStart(8, '0')}`;
        const id = addNode(tree.doc, { parentId: PROBLEM_NODE_ID, kind: 'cause', text, author: { id: ana.account.id, name: 'Ana' } });
        if (i === 0) firstCause = id;
      }
    });
    await waitFor(() => tree.tracker.state.isSaved, 'tree saved', 60_000);
  });
  afterAll(() => tree.destroy());

  /** Changes the first cause's label, so the next export shows something new. */
  const edit = async (label: string) => {
    const text = nodeText(tree.doc, firstCause);
    if (text) applyTextChange(text, label);
    await waitFor(() => tree.tracker.state.isSaved, 'edit saved');
  };

  const exportTree = async (format: 'svg' | 'png') => {
    const res = await fetch(`${server.url}/api/mesas/${mesaId}/tree.${format}`, { headers: { cookie: ana.cookie } });
    return { status: res.status, body: Buffer.from(await res.arrayBuffer()), done: performance.now() };
  };

  it('renders in a child process within the size caps while the event loop keeps answering', { timeout: 300_000 }, async () => {
    const png = exportTree('png');
    // Answered while the PNG renders: the event loop is not the one rendering it.
    const health = await fetch(`${server.url}/healthz`).then(() => performance.now());
    const result = await png;
    expect(result.status).toBe(200);
    expect(health).toBeLessThan(result.done);

    const { width, height } = pngSize(result.body);
    expect(width).toBeLessThanOrEqual(TREE_IMAGE_LIMITS.pngSide);
    expect(height).toBeLessThanOrEqual(TREE_IMAGE_LIMITS.pngSide);
    expect(width * height).toBeLessThanOrEqual(TREE_IMAGE_LIMITS.pngPixels);

    const stats = server.exports.stats();
    expect(stats.rendered).toBe(1);
    expect(stats.processIds.size).toBe(1);
    expect(stats.processIds.has(process.pid)).toBe(false);

    const svg = await exportTree('svg');
    const text = svg.body.toString();
    expect(Number(/<svg[^>]*\bwidth="(\d+)"/.exec(text)?.[1])).toBeLessThanOrEqual(TREE_IMAGE_LIMITS.svgSide);
    expect(Number(/<svg[^>]*\bheight="(\d+)"/.exec(text)?.[1])).toBeLessThanOrEqual(TREE_IMAGE_LIMITS.svgSide);
  });

  it('renders a tree nobody changed once: asking again is served from the cache until it changes', { timeout: 300_000 }, async () => {
    await exportTree('svg');
    const before = server.exports.stats();
    expect((await exportTree('svg')).status).toBe(200);
    expect(server.exports.stats()).toMatchObject({ rendered: before.rendered, cached: before.cached + 1 });
    await edit('Otra causa');
    const changed = await exportTree('svg');
    expect(changed.body.toString()).toContain('Otra causa');
    expect(server.exports.stats().rendered).toBe(before.rendered + 1);
  });

  // A worker thread's freed pixmaps stayed in the server's RSS (313 → 514 → 624 MiB); the export
  // processes take that memory with them. The server only holds the finished file for a moment.
  it('keeps the server’s memory flat across poster-sized PNG exports (RSS within 20 % of before)', { timeout: 300_000 }, async () => {
    // A full collection before each reading, so garbage not yet collected is not counted as kept.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const settledRss = () => {
      gc();
      return process.memoryUsage().rss;
    };
    // Baseline after a warm-up export: the process, its IPC channel and the route are all started.
    expect((await exportTree('png')).status).toBe(200);
    const before = settledRss();
    const renderedBefore = server.exports.stats().rendered;
    for (let i = 0; i < 4; i++) {
      // A new picture each time: what is measured is rendering, not the cache.
      await edit(`Causa editada ${i}`);
      const png = await exportTree('png');
      expect(png.status).toBe(200);
      expect(png.body.subarray(1, 4).toString()).toBe('PNG');
    }
    expect(server.exports.stats().rendered).toBe(renderedBefore + 4);
    const after = settledRss();
    expect(after).toBeLessThanOrEqual(before * 1.2);
    // The renders happened elsewhere: in a process of their own, never in this one.
    expect(server.exports.stats().processIds.has(process.pid)).toBe(false);
  });
});
