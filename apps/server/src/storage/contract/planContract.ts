import type { ActionPlan, Commitment } from '@cocrea/domain';
import { beforeEach, describe, expect, it } from 'vitest';
import { mesaInput, stamp, valueUpdate, versionOf } from './fixtures';
import type { CurrentStorage } from './storageContract';

const MESA = 'mesaAgua01';

const newPlan = (id: string, launchDate: string | null = '2027-02-01') => ({
  id,
  title: `PAM ${id}`,
  municipality: 'Toluca',
  launchDate,
  created: stamp('2026-11-21T10:00:00.000Z'),
});

/** `ActionPlanRepository`: plans, their ordered entries and their status stamps. */
export function planContract(current: CurrentStorage): void {
  describe('action plans', () => {
    // Entries point at finalized versions: comp-1 v1 and v2, comp-2 v1.
    beforeEach(async () => {
      const { mesas, commitments } = current();
      await mesas.create(MESA, mesaInput(), '2026-11-01T10:00:00.000Z', new Map());
      for (const id of ['comp-1', 'comp-2']) {
        const c: Commitment = {
          id,
          mesaId: MESA,
          title: id,
          description: '',
          alternativeIds: [],
          status: 'preliminar',
          created: stamp('2026-11-05T10:00:00.000Z'),
          review: null,
          madeDefinitive: null,
          reopened: null,
          version: 0,
          editable: true,
        };
        await commitments.create(c, `roadmap:${id}`, valueUpdate(1));
        await commitments.finalize(versionOf(id, MESA, 1));
      }
      await commitments.reopen('comp-1', { by: { id: 'p_reabre0000', name: 'Quien reabre' }, at: '2026-11-24T12:00:00.000Z' });
      await commitments.finalize(versionOf('comp-1', MESA, 2));
    });

    it('creates a draft plan with its validity computed from the launch date', async () => {
      const { plans } = current();
      const expected: ActionPlan = {
        ...newPlan('pam-1'),
        validUntil: '2028-01-31',
        status: 'borrador',
        entries: [],
        approved: null,
        published: null,
      };
      expect(await plans.create(newPlan('pam-1'))).toEqual(expected);
      expect(await plans.get('pam-1')).toEqual(expected);
      expect(await plans.get('missing')).toBeUndefined();
      expect(await plans.create(newPlan('pam-2', null))).toMatchObject({ launchDate: null, validUntil: null });
      await expect(plans.create(newPlan('pam-1'))).rejects.toThrow();
    });

    it('lists newest first, every plan or only those with a status', async () => {
      const { plans } = current();
      for (const id of ['pam-a', 'pam-c', 'pam-b']) await plans.create(newPlan(id));
      expect((await plans.list()).map((p) => p.id)).toEqual(['pam-b', 'pam-c', 'pam-a']);
      await plans.setEntry('pam-c', { commitmentId: 'comp-2', version: 1 });
      await plans.setStatus('pam-c', 'aprobado', stamp('2026-11-25T10:00:00.000Z'));
      expect((await plans.list('aprobado')).map((p) => p.id)).toEqual(['pam-c']);
      expect((await plans.list('borrador')).map((p) => p.id)).toEqual(['pam-b', 'pam-a']);
      expect(await plans.list('publicado')).toEqual([]);
      expect((await plans.list()).find((p) => p.id === 'pam-c')?.entries).toEqual([{ commitmentId: 'comp-2', version: 1 }]);
    });

    it('updates only the fields given', async () => {
      const { plans } = current();
      await plans.create(newPlan('pam-1', null));
      await plans.update('pam-1', { title: 'Nuevo título' });
      expect(await plans.get('pam-1')).toMatchObject({ title: 'Nuevo título', municipality: 'Toluca', launchDate: null, validUntil: null });
      await plans.update('pam-1', { launchDate: '2028-03-01', municipality: 'Metepec' });
      expect(await plans.get('pam-1')).toMatchObject({
        title: 'Nuevo título',
        municipality: 'Metepec',
        launchDate: '2028-03-01',
        validUntil: '2029-02-28',
      });
      await plans.update('missing', { title: 'x' });
      expect(await plans.get('missing')).toBeUndefined();
    });

    it('keeps entries in order: re-adding moves the version and keeps the position', async () => {
      const { plans } = current();
      await plans.create(newPlan('pam-1'));
      await plans.create(newPlan('pam-2'));
      await plans.setEntry('pam-1', { commitmentId: 'comp-1', version: 1 });
      await plans.setEntry('pam-1', { commitmentId: 'comp-2', version: 1 });
      await plans.setEntry('pam-2', { commitmentId: 'comp-2', version: 1 });
      expect((await plans.get('pam-1'))?.entries).toEqual([
        { commitmentId: 'comp-1', version: 1 },
        { commitmentId: 'comp-2', version: 1 },
      ]);
      await plans.setEntry('pam-1', { commitmentId: 'comp-1', version: 2 });
      expect((await plans.get('pam-1'))?.entries).toEqual([
        { commitmentId: 'comp-1', version: 2 },
        { commitmentId: 'comp-2', version: 1 },
      ]);
      await plans.removeEntry('pam-1', 'comp-1');
      expect((await plans.get('pam-1'))?.entries).toEqual([{ commitmentId: 'comp-2', version: 1 }]);
      await plans.setEntry('pam-1', { commitmentId: 'comp-1', version: 1 });
      expect((await plans.get('pam-1'))?.entries).toEqual([
        { commitmentId: 'comp-2', version: 1 },
        { commitmentId: 'comp-1', version: 1 },
      ]);
      await plans.removeEntry('pam-1', 'not-there');
      expect((await plans.get('pam-2'))?.entries).toEqual([{ commitmentId: 'comp-2', version: 1 }]);
      // Only finalized versions can be included.
      await expect(plans.setEntry('pam-1', { commitmentId: 'comp-2', version: 7 })).rejects.toThrow();
      expect((await plans.get('pam-1'))?.entries).toHaveLength(2);
    });

    it('approves and publishes, stamping who and when', async () => {
      const { plans } = current();
      await plans.create(newPlan('pam-1'));
      const approved = stamp('2026-11-25T10:00:00.000Z', 'Ana Aprobadora');
      const published = stamp('2027-02-01T12:00:00.000Z');
      await plans.setStatus('pam-1', 'aprobado', approved);
      expect(await plans.get('pam-1')).toMatchObject({ status: 'aprobado', approved, published: null });
      await plans.setStatus('pam-1', 'publicado', published);
      expect(await plans.get('pam-1')).toMatchObject({ status: 'publicado', approved, published });
      expect((await plans.list('publicado')).map((p) => p.id)).toEqual(['pam-1']);
    });
  });
}
