import { describe, expect, it, vi } from 'vitest';
import type { LogEntry, StoredDocument } from '../DocumentStore';
import { entryBytes, mergeDoc, mesaInput, range, valueUpdate, valuesOf } from './fixtures';
import type { CurrentStorage } from './storageContract';

/** `DocumentStore`: load = snapshot + tail, group-committed appends, atomic compaction. */
export function documentContract(current: CurrentStorage): void {
  describe('documents', () => {
    it('a document never stored loads empty, has no tail and compacts to nothing', async () => {
      const { documents } = current();
      expect(await documents.load('never')).toEqual({ snapshot: null, updates: [] });
      expect(await documents.tailLength('never')).toBe(0);
      const merge = vi.fn(mergeDoc);
      expect(await documents.compact('never', merge)).toBe(0);
      expect(merge).not.toHaveBeenCalled();
      expect(await documents.load('never')).toEqual({ snapshot: null, updates: [] });
    });

    it('appends 200 entries of several documents in one batch; each log comes back in order', async () => {
      const { documents } = current();
      const entries: LogEntry[] = range(200).map((i) => ({ name: `doc-${i % 4}`, data: entryBytes(i) }));
      await documents.appendUpdates(entries);
      for (let d = 0; d < 4; d++) {
        const name = `doc-${d}`;
        const loaded = await documents.load(name);
        expect(loaded.snapshot).toBeNull();
        expect(loaded.updates).toEqual(entries.filter((e) => e.name === name).map((e) => e.data));
        for (const u of loaded.updates) expect(u).toBeInstanceOf(Uint8Array);
        expect(await documents.tailLength(name)).toBe(50);
      }
      await documents.appendUpdates([]);
      expect(await documents.tailLength('doc-0')).toBe(50);
    });

    it('refuses appends to a locked document until every commitment holding it releases it', async () => {
      const { documents } = current();
      await documents.appendUpdates([{ name: 'tree', data: valueUpdate(1) }]);
      await documents.lockDocuments(['tree', 'roadmap-a'], 'c-a');
      await documents.lockDocuments(['tree', 'roadmap-b'], 'c-b');
      await documents.lockDocuments(['tree', 'roadmap-b'], 'c-b');
      const result = await documents.appendUpdates([
        { name: 'tree', data: valueUpdate(2) },
        { name: 'roadmap-a', data: valueUpdate(3) },
        { name: 'free', data: valueUpdate(4) },
      ]);
      expect([...result.refused].sort()).toEqual(['roadmap-a', 'tree']);
      expect(valuesOf(await documents.load('tree'))).toEqual([1]);
      expect(await documents.tailLength('roadmap-a')).toBe(0);
      expect(valuesOf(await documents.load('free'))).toEqual([4]);
      await documents.unlockDocuments('c-a');
      const after = await documents.appendUpdates([
        { name: 'tree', data: valueUpdate(5) },
        { name: 'roadmap-a', data: valueUpdate(6) },
      ]);
      expect([...after.refused]).toEqual(['tree']);
      expect(valuesOf(await documents.load('roadmap-a'))).toEqual([6]);
      await documents.unlockDocuments('c-b');
      expect((await documents.appendUpdates([{ name: 'tree', data: valueUpdate(7) }])).refused.size).toBe(0);
      expect(valuesOf(await documents.load('tree'))).toEqual([1, 7]);
    });

    it('a batch with one invalid entry writes none of it', async () => {
      const { documents } = current();
      const entries: LogEntry[] = range(20).map((i) => ({ name: `doc-${i % 2}`, data: entryBytes(i) }));
      entries.splice(13, 0, { name: null as unknown as string, data: entryBytes(99) });
      await expect(documents.appendUpdates(entries)).rejects.toThrow();
      expect(await documents.tailLength('doc-0')).toBe(0);
      expect(await documents.tailLength('doc-1')).toBe(0);
      expect(await documents.load('doc-0')).toEqual({ snapshot: null, updates: [] });
    });

    it('loads the seeded snapshot followed by the updates logged after it', async () => {
      const { documents, mesas } = current();
      const seed = valueUpdate(0);
      await mesas.create('mesaDocs01', mesaInput(), '2026-11-01T10:00:00.000Z', new Map([['mesa:mesaDocs01:tree', seed]]));
      const tail = [valueUpdate(1), valueUpdate(2)];
      await documents.appendUpdates(tail.map((data) => ({ name: 'mesa:mesaDocs01:tree', data })));
      const loaded = await documents.load('mesa:mesaDocs01:tree');
      expect(loaded.snapshot).toBeInstanceOf(Uint8Array);
      expect(loaded).toEqual({ snapshot: seed, updates: tail });
      expect(await documents.tailLength('mesa:mesaDocs01:tree')).toBe(2);
      expect(valuesOf(loaded)).toEqual([0, 1, 2]);
    });

    it('compaction folds snapshot and tail into a new snapshot; updates appended later stay in the tail', async () => {
      const { documents } = current();
      const first = range(3).map(valueUpdate);
      await documents.appendUpdates(first.map((data) => ({ name: 'doc', data })));
      await documents.appendUpdates([{ name: 'other', data: valueUpdate(50) }]);

      let seen: StoredDocument | undefined;
      let merged: Uint8Array | undefined;
      const folded = await documents.compact('doc', (doc) => {
        seen = doc;
        merged = mergeDoc(doc);
        return merged;
      });
      expect(folded).toBe(3);
      expect(seen).toEqual({ snapshot: null, updates: first });
      expect(await documents.tailLength('doc')).toBe(0);
      expect(await documents.load('doc')).toEqual({ snapshot: merged, updates: [] });

      const later = valueUpdate(3);
      await documents.appendUpdates([{ name: 'doc', data: later }]);
      const loaded = await documents.load('doc');
      expect(loaded).toEqual({ snapshot: merged, updates: [later] });
      expect(await documents.tailLength('doc')).toBe(1);
      expect(valuesOf(loaded)).toEqual([0, 1, 2, 3]);

      const merge = vi.fn(mergeDoc);
      expect(await documents.compact('doc', merge)).toBe(1);
      expect(merge).toHaveBeenCalledWith({ snapshot: merged, updates: [later] });
      expect(valuesOf(await documents.load('doc'))).toEqual([0, 1, 2, 3]);
      // Another document's log is not touched.
      expect(await documents.load('other')).toEqual({ snapshot: null, updates: [valueUpdate(50)] });
    });

    it('a merge that throws leaves snapshot and log as they were', async () => {
      const { documents } = current();
      await documents.appendUpdates(range(2).map((i) => ({ name: 'doc', data: valueUpdate(i) })));
      await documents.compact('doc', mergeDoc);
      await documents.appendUpdates([{ name: 'doc', data: valueUpdate(2) }]);
      const before = await documents.load('doc');
      await expect(
        documents.compact('doc', () => {
          throw new Error('unreadable');
        }),
      ).rejects.toThrow('unreadable');
      expect(await documents.load('doc')).toEqual(before);
      expect(await documents.tailLength('doc')).toBe(1);
    });

    it('two compactions of one document at once leave it loadable with nothing lost', async () => {
      const { documents } = current();
      await documents.appendUpdates(range(20).map((i) => ({ name: 'doc', data: valueUpdate(i) })));
      // Warm up: a pooled backend then runs the two compactions on connections of their own.
      await Promise.all(range(4).map(() => documents.load('doc')));
      const folded = await Promise.all([documents.compact('doc', mergeDoc), documents.compact('doc', mergeDoc)]);
      expect(folded[0] + folded[1]).toBe(20);
      const loaded = await documents.load('doc');
      expect(loaded.updates).toEqual([]);
      expect(valuesOf(loaded)).toEqual(range(20));
      expect(await documents.tailLength('doc')).toBe(0);
    });

    it('compactions racing with appends lose no update', async () => {
      const { documents } = current();
      await Promise.all(range(4).map(() => documents.load('doc')));
      for (let round = 0; round < 5; round++) {
        const batch = range(10, round * 10).map((i) => ({ name: 'doc', data: valueUpdate(i) }));
        await Promise.all([
          documents.compact('doc', mergeDoc),
          documents.appendUpdates(batch.slice(0, 5)),
          documents.compact('doc', mergeDoc),
          documents.appendUpdates(batch.slice(5)),
        ]);
      }
      expect(valuesOf(await documents.load('doc'))).toEqual(range(50));
      await documents.compact('doc', mergeDoc);
      const loaded = await documents.load('doc');
      expect(loaded.updates).toEqual([]);
      expect(valuesOf(loaded)).toEqual(range(50));
    });
  });
}
