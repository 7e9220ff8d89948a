import type { Commitment, CommitmentReview, SolutionAlternative } from '@cocrea/domain';
import { REVIEW_CRITERIA } from '@cocrea/domain';
import { beforeEach, describe, expect, it } from 'vitest';
import { mesaInput, stamp, valueUpdate, versionOf } from './fixtures';
import type { CurrentStorage } from './storageContract';

const MESA = 'mesaAgua01';

const commitment = (id: string, title = `Compromiso ${id}`): Commitment => ({
  id,
  mesaId: MESA,
  title,
  description: 'Abrir los datos de calidad del agua.',
  alternativeIds: ['alt-2', 'alt-1'],
  status: 'preliminar',
  created: stamp('2026-11-05T10:00:00.000Z'),
  review: null,
  madeDefinitive: null,
  reopened: null,
  version: 0,
  editable: true,
});

const review = (): CommitmentReview => ({
  criteria: Object.fromEntries(REVIEW_CRITERIA.map((c) => [c, { verdict: 'cumple', reasons: `Cumple ${c}.` }])) as CommitmentReview['criteria'],
  decision: 'factible',
  notes: 'Viable con el presupuesto actual.',
  stamp: stamp('2026-11-10T17:00:00.000Z', 'Eva Experta'),
});

const IMMUTABLE_TABLES = ['commitment_versions', 'version_activities', 'version_indicators', 'version_ods', 'version_tree_nodes'];

/** `CommitmentRepository`: alternatives, the workflow, and immutable finalized versions. */
export function commitmentContract(current: CurrentStorage): void {
  describe('commitments', () => {
    beforeEach(async () => {
      await current().mesas.create(MESA, mesaInput(), '2026-11-01T10:00:00.000Z', new Map());
      await current().mesas.create('mesaOtra01', mesaInput('otra'), '2026-11-01T10:00:00.000Z', new Map());
    });

    it('keeps alternatives per mesa, oldest first', async () => {
      const { commitments } = current();
      const alt = (id: string, mesaId = MESA): SolutionAlternative => ({
        id,
        mesaId,
        text: `Alternativa ${id}`,
        causeIds: ['c2', 'c1'],
        created: stamp('2026-11-04T10:00:00.000Z'),
      });
      await commitments.addAlternative(alt('alt-2'));
      await commitments.addAlternative(alt('alt-x', 'mesaOtra01'));
      await commitments.addAlternative(alt('alt-1'));
      expect(await commitments.alternatives(MESA)).toEqual([alt('alt-2'), alt('alt-1')]);
      expect(await commitments.alternatives('mesaOtra01')).toEqual([alt('alt-x', 'mesaOtra01')]);
      expect(await commitments.alternatives('missing')).toEqual([]);
      await expect(commitments.addAlternative(alt('alt-1'))).rejects.toThrow();
      await expect(commitments.addAlternative(alt('alt-3', 'missing'))).rejects.toThrow();
    });

    it('creates commitments with their roadmap documents, listed oldest first', async () => {
      const { commitments, documents } = current();
      await commitments.create(commitment('comp-b'), 'roadmap:comp-b', valueUpdate(1));
      await commitments.create(commitment('comp-a'), 'roadmap:comp-a', valueUpdate(2));
      expect(await commitments.get('comp-b')).toEqual(commitment('comp-b'));
      expect(await commitments.get('missing')).toBeUndefined();
      expect(await commitments.byMesa(MESA)).toEqual([commitment('comp-b'), commitment('comp-a')]);
      expect(await commitments.byMesa('mesaOtra01')).toEqual([]);
      expect(await documents.load('roadmap:comp-b')).toEqual({ snapshot: valueUpdate(1), updates: [] });

      // Atomic: a refused commitment leaves no roadmap behind, and a taken roadmap no commitment.
      await expect(commitments.create(commitment('comp-b', 'copia'), 'roadmap:new', valueUpdate(3))).rejects.toThrow();
      expect(await documents.load('roadmap:new')).toEqual({ snapshot: null, updates: [] });
      expect((await commitments.get('comp-b'))?.title).toBe('Compromiso comp-b');
      await expect(commitments.create(commitment('comp-c'), 'roadmap:comp-a', valueUpdate(3))).rejects.toThrow();
      expect(await commitments.get('comp-c')).toBeUndefined();
      // The database refuses a status outside the workflow and an unknown mesa.
      await expect(
        commitments.create({ ...commitment('comp-d'), status: 'bogus' as Commitment['status'] }, 'roadmap:comp-d', valueUpdate(4)),
      ).rejects.toThrow();
      await expect(commitments.create({ ...commitment('comp-e'), mesaId: 'missing' }, 'roadmap:comp-e', valueUpdate(5))).rejects.toThrow();
      expect(await commitments.byMesa(MESA)).toHaveLength(2);
    });

    it('goes through review, definitive, finalize and reopen, keeping every version', async () => {
      const { commitments } = current();
      await commitments.create(commitment('comp-1'), 'roadmap:comp-1', valueUpdate(1));
      await commitments.create(commitment('comp-2'), 'roadmap:comp-2', valueUpdate(2));

      await commitments.saveReview('comp-1', review());
      expect(await commitments.get('comp-1')).toEqual({ ...commitment('comp-1'), status: 'revisado', review: review() });
      const definitive = stamp('2026-11-12T09:00:00.000Z');
      await commitments.makeDefinitive('comp-1', definitive);
      expect(await commitments.get('comp-1')).toMatchObject({ status: 'definitivo', madeDefinitive: definitive, editable: true });
      expect(await commitments.treeLocked(MESA)).toBe(false);

      const v1 = versionOf('comp-1', MESA, 1);
      await commitments.finalize(v1);
      expect(await commitments.get('comp-1')).toEqual({
        ...commitment('comp-1'),
        status: 'finalizado',
        review: review(),
        madeDefinitive: definitive,
        version: 1,
        editable: false,
      });
      expect(await commitments.treeLocked(MESA)).toBe(true);
      expect(await commitments.treeLocked('mesaOtra01')).toBe(false);
      expect(await commitments.versions('comp-1')).toEqual([{ version: 1, contentHash: v1.contentHash, finalized: v1.finalized }]);
      expect(await commitments.version('comp-1', 1)).toEqual(v1);
      expect(await commitments.version('comp-1', 2)).toBeUndefined();
      expect(await commitments.version('missing', 1)).toBeUndefined();
      expect(await commitments.versions('comp-2')).toEqual([]);

      const reopenStamp = { by: { id: 'p_reabre0000', name: 'Quien reabre' }, at: '2026-11-24T12:00:00.000Z' };
      await commitments.reopen('comp-1', reopenStamp);
      expect(await commitments.get('comp-1')).toMatchObject({ status: 'definitivo', version: 1, editable: true, reopened: reopenStamp });
      expect(await commitments.treeLocked(MESA)).toBe(false);

      const v2 = versionOf('comp-1', MESA, 2, 'Segunda versión');
      await commitments.finalize(v2);
      expect(await commitments.get('comp-1')).toMatchObject({ status: 'finalizado', version: 2, editable: false });
      expect((await commitments.versions('comp-1')).map((s) => s.version)).toEqual([1, 2]);
      expect(await commitments.version('comp-1', 2)).toEqual(v2);
      expect(await commitments.version('comp-1', 1)).toEqual(v1);
    });

    it('finalizing a version number already taken fails and changes nothing', async () => {
      const { commitments } = current();
      await commitments.create(commitment('comp-1'), 'roadmap:comp-1', valueUpdate(1));
      const v1 = versionOf('comp-1', MESA, 1);
      await commitments.finalize(v1);
      await commitments.reopen('comp-1', { by: { id: 'p_reabre0000', name: 'Quien reabre' }, at: '2026-11-24T12:00:00.000Z' });
      const forged = versionOf('comp-1', MESA, 1, 'Reescrita');
      forged.content.roadmap.activities = forged.content.roadmap.activities.slice(0, 1);
      await expect(commitments.finalize(forged)).rejects.toThrow();
      expect(await commitments.version('comp-1', 1)).toEqual(v1);
      expect(await commitments.versions('comp-1')).toHaveLength(1);
      expect(await commitments.get('comp-1')).toMatchObject({ status: 'definitivo', version: 1, editable: true });
      await expect(commitments.finalize(versionOf('missing', MESA, 1))).rejects.toThrow();
    });

    it('the database refuses to UPDATE or DELETE the rows of a finalized version', async (ctx) => {
      const storage = current();
      const raw = storage.rawExec;
      if (!raw) return ctx.skip();
      await storage.commitments.create(commitment('comp-1'), 'roadmap:comp-1', valueUpdate(1));
      const v1 = versionOf('comp-1', MESA, 1);
      await storage.commitments.finalize(v1);
      for (const table of IMMUTABLE_TABLES) {
        await expect(raw(`UPDATE ${table} SET version = version WHERE commitment_id = 'comp-1'`)).rejects.toThrow(
          /finalized versions are immutable/,
        );
        await expect(raw(`DELETE FROM ${table} WHERE commitment_id = 'comp-1'`)).rejects.toThrow(/finalized versions are immutable/);
      }
      expect(await storage.commitments.version('comp-1', 1)).toEqual(v1);
      // The commitment itself stays writable.
      await raw(`UPDATE commitments SET title = 'otro' WHERE id = 'comp-1'`);
      expect((await storage.commitments.get('comp-1'))?.title).toBe('otro');
    });
  });
}
