import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { PROBLEM_NODE_ID } from '@cocrea/domain';
import { addNode, readTree } from '@cocrea/collab';
import { startChildServer, type ChildServer } from './childServer';
import { connectClient, createMesa, join, tempDataDir, waitFor } from './harness';

const children: ChildServer[] = [];
afterAll(() => {
  for (const c of children) c.child.kill('SIGKILL');
});

describe('a server process killed with SIGKILL during continuous editing', () => {
  it('loses no edit any client saw as saved', async () => {
    const dataDir = tempDataDir();
    const first = await startChildServer({ DATA_DIR: dataDir, COMPACT_AFTER_UPDATES: '50' });
    children.push(first);
    const mesaId = await createMesa(first.url);
    const writers = [];
    for (let w = 0; w < 3; w++) {
      const j = await join(first.url, mesaId, `Escritora ${w}`);
      writers.push({ client: await connectClient(first.url, j.documents.tree, j.token), author: { id: j.participant.id, name: j.participant.name } });
    }

    // Each writer adds nodes as fast as the event loop allows; an edit counts as saved once the
    // tracker's saved counter has passed it (the server said everything up to there is durable).
    const savedTexts = new Set<string>();
    const sentTexts: string[][] = writers.map(() => []);
    let stop = false;
    const loops = writers.map(async ({ client, author }, w) => {
      let i = 0;
      const texts = sentTexts[w] as string[];
      client.tracker.subscribe((s) => {
        for (let k = 0; k < s.saved && k < texts.length; k++) savedTexts.add(texts[k] as string);
      });
      while (!stop) {
        const text = `w${w}-e${i++}`;
        texts.push(text);
        addNode(client.doc, { parentId: PROBLEM_NODE_ID, kind: i % 2 ? 'cause' : 'effect', text, author });
        await new Promise((r) => setTimeout(r, 2));
      }
    });

    // Kill mid-stream: once plenty is saved and edits are still flowing.
    await waitFor(() => savedTexts.size >= 300, '300 saved edits', 60_000);
    first.child.kill('SIGKILL');
    await first.exited;
    stop = true;
    await Promise.all(loops);
    const sent = sentTexts.reduce((n, t) => n + t.length, 0);
    for (const { client } of writers) client.destroy();

    const second = await startChildServer({ DATA_DIR: dataDir });
    children.push(second);
    const j = await join(second.url, mesaId, 'Revisora');
    const reader = await connectClient(second.url, j.documents.tree, j.token);
    const present = new Set(readTree(reader.doc).nodes.map((n) => n.text));
    const lost = [...savedTexts].filter((t) => !present.has(t));
    // Figures for the closing note: how much was in flight when the process died.
    process.stdout.write(`crash test: sent ${sent}, saved ${savedTexts.size}, present after restart ${present.size - 1}, lost ${lost.length}\n`);
    expect(lost).toEqual([]);
    expect(savedTexts.size).toBeGreaterThanOrEqual(300);
    reader.destroy();
    second.child.kill('SIGTERM');
    await second.exited;
  });
});

describe('a server process receiving SIGTERM during editing', () => {
  it('exits 0 with every acknowledged edit on disk and its log compacted', async () => {
    const dataDir = tempDataDir();
    const first = await startChildServer({ DATA_DIR: dataDir });
    children.push(first);
    const mesaId = await createMesa(first.url);
    const j = await join(first.url, mesaId, 'Ana');
    const client = await connectClient(first.url, j.documents.tree, j.token);
    const author = { id: j.participant.id, name: 'Ana' };
    for (let i = 0; i < 100; i++) addNode(client.doc, { parentId: PROBLEM_NODE_ID, kind: 'cause', text: `t${i}`, author });
    await waitFor(() => client.tracker.state.isSaved, 'all 100 saved');
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    client.destroy();

    const db = new Database(path.join(dataDir, 'cocrea.sqlite'), { readonly: true });
    const tail = db.prepare('SELECT COUNT(*) AS n FROM document_updates').get() as { n: number };
    db.close();
    expect(tail.n).toBe(0);

    const second = await startChildServer({ DATA_DIR: dataDir });
    children.push(second);
    const r = await join(second.url, mesaId, 'Revisora');
    const reader = await connectClient(second.url, r.documents.tree, r.token);
    const texts = new Set(readTree(reader.doc).nodes.map((n) => n.text));
    for (let i = 0; i < 100; i++) expect(texts.has(`t${i}`)).toBe(true);
    reader.destroy();
    second.child.kill('SIGTERM');
    await second.exited;
  });
});
