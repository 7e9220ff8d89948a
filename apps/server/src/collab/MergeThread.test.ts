import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mergeStored } from './DocumentCompactor';
import { MergeThread } from './MergeThread';

function stored() {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  doc.getText('t').insert(0, 'Falta de agua');
  const snapshot = Y.encodeStateAsUpdate(doc);
  updates.length = 0;
  doc.getText('t').insert(13, ' potable');
  doc.getMap('m').set('k', 'v');
  return { doc, snapshot, updates };
}

describe('MergeThread', () => {
  let thread: MergeThread;
  afterEach(() => thread.close());

  it('folds snapshot + log on its thread into what mergeStored gives here', async () => {
    thread = new MergeThread();
    const { doc, snapshot, updates } = stored();
    const state = await thread.merge({ snapshot, updates });
    expect(state).toEqual(mergeStored({ snapshot, updates }));
    const back = new Y.Doc();
    Y.applyUpdate(back, state);
    expect(back.getText('t').toJSON()).toBe('Falta de agua potable');
    expect(back.getMap('m').get('k')).toBe('v');
    doc.destroy();
  });

  it('reports an unreadable logged update and folds the rest', async () => {
    thread = new MergeThread();
    const { snapshot, updates } = stored();
    const skipped: string[] = [];
    const state = await thread.merge({ snapshot, updates: [new Uint8Array([255, 255, 255, 255]), ...updates] }, (m) => skipped.push(m));
    expect(skipped).toHaveLength(1);
    const back = new Y.Doc();
    Y.applyUpdate(back, state);
    expect(back.getText('t').toJSON()).toBe('Falta de agua potable');
  });

  it('serves merges in parallel and refuses once closed', async () => {
    thread = new MergeThread();
    const { snapshot, updates } = stored();
    const all = await Promise.all(Array.from({ length: 5 }, () => thread.merge({ snapshot, updates })));
    for (const s of all) expect(s).toEqual(all[0]);
    await thread.close();
    await expect(thread.merge({ snapshot, updates })).rejects.toThrow(/closed/);
  });
});
