import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../AccessStorage';
import type { CurrentStorage } from './storageContract';

const entry = (i: number, over: Partial<AuditEntry> = {}): Omit<AuditEntry, 'id'> => ({
  at: `2026-11-0${1 + (i % 9)}T10:00:00.000Z`,
  actor: { id: 'acc1', name: 'Rosa', role: 'facilitator' },
  action: 'mesa.update',
  mesaId: 'mesaAgua01',
  commitmentId: null,
  planId: null,
  details: { i, nested: { b: 2, a: [1, 'dos'] } },
  ...over,
});

/** `AuditLog`: append, filtered newest-first pages, and a database that refuses UPDATE and DELETE. */
export function auditContract(current: CurrentStorage): void {
  describe('audit log', () => {
    it('appends with increasing ids and reads newest first, filtered and paged', async () => {
      const { audit } = current();
      const first = await audit.append(entry(1));
      const second = await audit.append(entry(2, { actor: null, action: 'auth.sign_in_failed', mesaId: null, details: { email: 'x@y.mx' } }));
      const third = await audit.append(entry(3, { mesaId: null, commitmentId: 'c1', planId: 'pam1', action: 'pam.entry_set' }));
      expect(second.id).toBeGreaterThan(first.id);
      expect(third.id).toBeGreaterThan(second.id);
      expect(await audit.list({ limit: 10 })).toEqual([third, second, first]);
      expect(await audit.list({ limit: 2 })).toEqual([third, second]);
      expect(await audit.list({ limit: 10, before: second.id })).toEqual([first]);
      expect(await audit.list({ limit: 10, mesaId: 'mesaAgua01' })).toEqual([first]);
      expect(await audit.list({ limit: 10, commitmentId: 'c1' })).toEqual([third]);
      expect(await audit.list({ limit: 10, planId: 'pam1', commitmentId: 'c1' })).toEqual([third]);
      expect(await audit.list({ limit: 10, planId: 'other' })).toEqual([]);
      expect((await audit.list({ limit: 10 }))[1]?.actor).toBeNull();
    });

    it('the database refuses to change or delete an entry', async () => {
      const { audit, rawExec } = current();
      if (!rawExec) return;
      await audit.append(entry(1));
      await expect(rawExec("UPDATE audit_log SET action = 'borrado'")).rejects.toThrow(/append-only/);
      await expect(rawExec('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
      expect((await audit.list({ limit: 10 }))[0]?.action).toBe('mesa.update');
    });
  });
}
