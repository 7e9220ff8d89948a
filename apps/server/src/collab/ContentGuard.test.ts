import type { afterLoadDocumentPayload, beforeSyncPayload, onChangePayload } from '@hocuspocus/server';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PROBLEM_NODE_ID } from '@cocrea/domain';
import { CloseCode, nodeText, seedTreeDoc, treeDocumentName, treeNodes } from '@cocrea/collab';
import { createLogger } from '../logger';
import type { CollabContext } from './context';
import { ContentGuard } from './ContentGuard';

const name = treeDocumentName('mesa000001');

function tree(): Y.Doc {
  const doc = new Y.Doc();
  seedTreeDoc(doc, { mesaId: 'mesa000001', problemText: 'Agua', createdAt: new Date(0).toISOString() });
  return doc;
}

function updateFrom(doc: Y.Doc, edit: (client: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
  const sv = Y.encodeStateVector(client);
  edit(client);
  return Y.encodeStateAsUpdate(client, sv);
}

/** A guard on a loaded document that applies what it lets through, as Hocuspocus would. */
function guarded(max: number) {
  const doc = tree();
  const guard = new ContentGuard(max, createLogger('silent'));
  void guard.afterLoadDocument({ documentName: name, document: doc } as unknown as afterLoadDocumentPayload);
  doc.on('update', (update: Uint8Array) => void guard.onChange({ documentName: name, update } as unknown as onChangePayload));
  const send = async (payload: Uint8Array) => {
    const closed: { code: number; reason: string }[] = [];
    const context: CollabContext = { socket: { authenticated: 1, close: (code, reason) => closed.push({ code, reason }) } };
    const ok = await guard
      .beforeSync({ type: 2, payload, document: doc, documentName: name, connection: { readOnly: false }, context } as unknown as beforeSyncPayload<CollabContext>)
      .then(
        () => true,
        () => false,
      );
    if (ok) Y.applyUpdate(doc, payload);
    return closed[0] ?? null;
  };
  return { doc, guard, send };
}

describe('ContentGuard', () => {
  it('tracks size without encoding the document on every update, and measures before refusing', async () => {
    const { doc, guard, send } = guarded(64 * 1024);
    const measured = Y.encodeStateAsUpdate(doc).byteLength;
    expect(guard.trackedBytes(name)).toBe(measured);
    // The estimate is the measurement at load plus the bytes of each applied update: nothing re-encoded.
    let applied = 0;
    doc.on('update', (u: Uint8Array) => (applied += u.byteLength));
    for (let i = 0; i < 50; i++) expect(await send(updateFrom(doc, (c) => nodeText(c, PROBLEM_NODE_ID)?.insert(0, 'a')))).toBeNull();
    expect(guard.trackedBytes(name)).toBe(measured + applied);
    expect(guard.trackedBytes(name)).not.toBe(Y.encodeStateAsUpdate(doc).byteLength);
  });

  it('refuses growth past the quota with 4413, lets deletions through, and counts freed room after measuring', async () => {
    const { doc, send } = guarded(32 * 1024);
    const blob = (key: string, size: number) => updateFrom(doc, (c) => treeNodes(c).get(PROBLEM_NODE_ID)?.set(key, 'x'.repeat(size)));
    expect(await send(blob('a', 20_000))).toBeNull();
    expect(await send(blob('b', 20_000))).toEqual({ code: CloseCode.DocumentTooLarge, reason: 'document-too-large' });
    expect(treeNodes(doc).get(PROBLEM_NODE_ID)?.has('b')).toBe(false);
    // Only deletes: always allowed. Then the estimate (which only grows) is measured again.
    expect(await send(updateFrom(doc, (c) => treeNodes(c).get(PROBLEM_NODE_ID)?.delete('a')))).toBeNull();
    expect(await send(blob('b', 20_000))).toBeNull();
  });

  it('refuses a text past its limit with 4422 invalid:text-too-long', async () => {
    const { send, doc } = guarded(1024 * 1024);
    expect(await send(updateFrom(doc, (c) => nodeText(c, PROBLEM_NODE_ID)?.insert(0, 'x'.repeat(300))))).toEqual({
      code: CloseCode.InvalidContent,
      reason: 'invalid:text-too-long',
    });
  });
});
