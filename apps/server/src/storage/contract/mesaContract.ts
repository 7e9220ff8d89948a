import { describe, expect, it } from 'vitest';
import { mesaInput, valueUpdate } from './fixtures';
import type { CurrentStorage } from './storageContract';

/** `MesaRepository`: records, ordering, and the mesa + documents transaction. */
export function mesaContract(current: CurrentStorage): void {
  describe('mesas', () => {
    it('creates a mesa with its seeded documents and reads it back', async () => {
      const { mesas, documents } = current();
      const docs = new Map([
        ['mesa:mesaAgua01:tree', valueUpdate(1)],
        ['mesa:mesaAgua01:notes', valueUpdate(2)],
      ]);
      const created = await mesas.create('mesaAgua01', mesaInput(), '2026-11-01T10:00:00.000Z', docs);
      expect(created).toEqual({ id: 'mesaAgua01', ...mesaInput(), createdAt: '2026-11-01T10:00:00.000Z', joinOpen: true, status: 'abierta' });
      expect(await mesas.get('mesaAgua01')).toEqual(created);
      expect(await mesas.get('missing')).toBeUndefined();
      for (const [name, state] of docs) expect(await documents.load(name)).toEqual({ snapshot: state, updates: [] });

      await mesas.create('mesaVacia01', mesaInput('Sin documentos'), '2026-11-01T11:00:00.000Z', new Map());
      expect((await mesas.get('mesaVacia01'))?.title).toBe('Sin documentos');
    });

    it('lists newest first, ties by id in byte order, up to the limit', async () => {
      const { mesas } = current();
      const none = new Map<string, Uint8Array>();
      await mesas.create('mesa-b', mesaInput('b'), '2026-11-01T10:00:00.000Z', none);
      await mesas.create('mesa-c', mesaInput('c'), '2026-11-03T10:00:00.000Z', none);
      await mesas.create('mesa-a', mesaInput('a'), '2026-11-01T10:00:00.000Z', none);
      await mesas.create('Mesa-Z', mesaInput('Z'), '2026-11-01T10:00:00.000Z', none);
      await mesas.create('mesa-d', mesaInput('d'), '2026-10-30T10:00:00.000Z', none);
      expect((await mesas.list()).map((m) => m.id)).toEqual(['mesa-c', 'Mesa-Z', 'mesa-a', 'mesa-b', 'mesa-d']);
      expect((await mesas.list(2)).map((m) => m.id)).toEqual(['mesa-c', 'Mesa-Z']);
      expect(await mesas.list()).toContainEqual({ id: 'mesa-d', ...mesaInput('d'), createdAt: '2026-10-30T10:00:00.000Z', joinOpen: true, status: 'abierta' });
      expect((await mesas.list(10, ['mesa-d', 'mesa-c', 'missing'])).map((m) => m.id)).toEqual(['mesa-c', 'mesa-d']);
      expect(await mesas.list(10, [])).toEqual([]);
    });

    it('opens and closes the join link and the mesa itself', async () => {
      const { mesas } = current();
      await mesas.create('mesaAgua01', mesaInput(), '2026-11-01T10:00:00.000Z', new Map());
      expect(await mesas.update('mesaAgua01', { joinOpen: false })).toMatchObject({ joinOpen: false, status: 'abierta' });
      expect(await mesas.update('mesaAgua01', { status: 'cerrada' })).toMatchObject({ joinOpen: false, status: 'cerrada' });
      expect(await mesas.get('mesaAgua01')).toMatchObject({ joinOpen: false, status: 'cerrada', title: mesaInput().title });
      expect(await mesas.update('mesaAgua01', { joinOpen: true, status: 'abierta' })).toMatchObject({ joinOpen: true, status: 'abierta' });
      expect(await mesas.update('mesaAgua01', {})).toMatchObject({ joinOpen: true, status: 'abierta' });
      expect(await mesas.update('missing', { joinOpen: false })).toBeUndefined();
      await expect(mesas.update('mesaAgua01', { status: 'archivada' as 'cerrada' })).rejects.toThrow();
    });

    it('a duplicate mesa id writes nothing, not even its documents', async () => {
      const { mesas, documents } = current();
      await mesas.create('mesaAgua01', mesaInput('original'), '2026-11-01T10:00:00.000Z', new Map([['doc-1', valueUpdate(1)]]));
      await expect(
        mesas.create('mesaAgua01', mesaInput('copia'), '2026-11-02T10:00:00.000Z', new Map([['doc-2', valueUpdate(2)]])),
      ).rejects.toThrow();
      expect((await mesas.get('mesaAgua01'))?.title).toBe('original');
      expect(await documents.load('doc-2')).toEqual({ snapshot: null, updates: [] });
      expect(await mesas.list()).toHaveLength(1);
    });

    it('a mesa whose document already exists is not created at all', async () => {
      const { mesas, documents } = current();
      await mesas.create('mesaAgua01', mesaInput(), '2026-11-01T10:00:00.000Z', new Map([['shared-doc', valueUpdate(1)]]));
      const docs = new Map([
        ['fresh-doc', valueUpdate(2)],
        ['shared-doc', valueUpdate(3)],
      ]);
      await expect(mesas.create('mesaOtra01', mesaInput(), '2026-11-02T10:00:00.000Z', docs)).rejects.toThrow();
      expect(await mesas.get('mesaOtra01')).toBeUndefined();
      expect(await documents.load('fresh-doc')).toEqual({ snapshot: null, updates: [] });
      expect(await documents.load('shared-doc')).toEqual({ snapshot: valueUpdate(1), updates: [] });
    });
  });
}
