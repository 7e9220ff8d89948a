import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROBLEM_NODE_ID } from '@cocrea/domain';
import { addNode, readTree } from '@cocrea/collab';
import { startChildServer, type ChildServer } from './childServer';
import { api, connectClient, createMesa, join, tempDataDir, waitFor } from './harness';

/*
 * Hole 7: removing cocrea.sqlite-wal under a running server. SQLite itself notices nothing: its
 * connections keep committing into the unlinked file, so the server kept saying "saved", and after
 * a restart the edits still in that WAL were gone, including ones confirmed before the removal.
 */

const children: ChildServer[] = [];
afterAll(async () => {
  for (const c of children) c.child.kill('SIGKILL');
  await Promise.all(children.map((c) => c.exited));
});

interface Health {
  status: string;
  reason?: string;
}

describe('the SQLite WAL file removed under a running server', () => {
  it('stops confirming, says so, and keeps every edit it had confirmed', { timeout: 60_000 }, async () => {
    const dataDir = tempDataDir();
    // Compaction would fold the log into the database file; keep every edit in the WAL.
    const first = await startChildServer({ DATA_DIR: dataDir, SAVE_STALL_SECONDS: '1', COMPACT_AFTER_UPDATES: '1000000' });
    children.push(first);
    const mesaId = await createMesa(first.url);
    const j = await join(first.url, mesaId, 'Ana');
    const client = await connectClient(first.url, j.documents.tree, j.token);
    const author = { id: j.participant.id, name: 'Ana' };

    const sent: string[] = [];
    const saved = new Set<string>();
    client.tracker.subscribe((s) => {
      for (let k = 0; k < s.saved && k < sent.length; k++) saved.add(sent[k] as string);
    });
    let savedMessagesAfterHalt = 0;
    let halted = false;
    client.provider.on('stateless', ({ payload }: { payload: string }) => {
      if (halted && (JSON.parse(payload) as { type: string }).type === 'saved') savedMessagesAfterHalt++;
    });
    let stop = false;
    const typing = (async () => {
      for (let i = 0; !stop; i++) {
        const text = `e${i}`;
        sent.push(text);
        addNode(client.doc, { parentId: PROBLEM_NODE_ID, kind: 'cause', text, author });
        await new Promise((r) => setTimeout(r, 5));
      }
    })();

    await waitFor(() => saved.size >= 50, '50 saved edits', 20_000);
    expect((await api<Health>(first.url, 'GET', '/healthz')).status).toBe(200);
    fs.rmSync(path.join(dataDir, 'cocrea.sqlite-wal'));
    const savedAtRemoval = saved.size;

    // The server notices (before confirming its next write, or within a second) and says why.
    const health = await waitFor(async () => {
      const h = await api<Health>(first.url, 'GET', '/healthz');
      return h.status === 503 ? h.body : null;
    }, '/healthz to answer 503');
    halted = true;
    const savedAtHalt = client.tracker.state.saved;
    expect(health.status).toBe('degraded');
    expect(health.reason).toMatch(/cocrea\.sqlite-wal was removed/);
    // The writer told it is stalled, and no "saved" afterwards however long it keeps typing.
    await waitFor(() => client.tracker.state.stalled, 'the client told saving stalled');
    const sentAtStall = sent.length;
    await waitFor(() => sent.length > sentAtStall + 50, 'more typing after the stall');
    stop = true;
    await typing;
    expect(savedMessagesAfterHalt).toBe(0);
    expect(client.tracker.state.saved).toBe(savedAtHalt);
    expect(client.tracker.state.isSaved).toBe(false);

    first.child.kill('SIGKILL');
    await first.exited;
    client.destroy();

    // After a restart every edit the client was told was saved is there.
    const second = await startChildServer({ DATA_DIR: dataDir });
    children.push(second);
    const revisora = await join(second.url, mesaId, 'Revisora');
    const reader = await connectClient(second.url, revisora.documents.tree, revisora.token);
    const present = new Set(readTree(reader.doc).nodes.map((n) => n.text));
    reader.destroy();
    const lost = [...saved].filter((t) => !present.has(t));
    process.stdout.write(`wal removal test: sent ${sent.length}, saved ${saved.size} (${savedAtRemoval} before the removal), present ${present.size - 1}, lost ${lost.length}\n`);
    expect(lost).toEqual([]);
    expect(savedAtRemoval).toBeGreaterThanOrEqual(50);
  });
});
