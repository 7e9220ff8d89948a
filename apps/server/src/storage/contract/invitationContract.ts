import { beforeEach, describe, expect, it } from 'vitest';
import { invitationStatus, type NewInvitation } from '../AccessStorage';
import { newAccount, session } from './accountContract';
import { mesaInput } from './fixtures';
import type { CurrentStorage } from './storageContract';

const MESA = 'mesaAgua01';
const NOW = '2026-11-05T10:00:00.000Z';
const LATER = '2026-11-05T22:00:00.000Z';

const invitation = (id: string, over: Partial<NewInvitation> = {}): NewInvitation => ({
  id,
  tokenHash: `hash-${id}`,
  email: `${id}@Example.mx`,
  role: 'expert',
  mesaId: MESA,
  createdBy: { id: 'acc-admin', name: 'Admin' },
  createdAt: '2026-11-04T10:00:00.000Z',
  expiresAt: '2026-11-11T10:00:00.000Z',
  ...over,
});

/** `InvitationRepository`: only the token's hash is kept; acceptance is all or nothing. */
export function invitationContract(current: CurrentStorage): void {
  describe('invitations', () => {
    beforeEach(async () => {
      await current().mesas.create(MESA, mesaInput(), '2026-11-01T10:00:00.000Z', new Map());
    });

    it('creates, reads by id and by token hash, lists newest first, and tells the status', async () => {
      const { invitations } = current();
      const created = await invitations.create(invitation('inv1'));
      expect(created).toEqual({
        id: 'inv1',
        email: 'inv1@example.mx',
        role: 'expert',
        mesaId: MESA,
        createdBy: { id: 'acc-admin', name: 'Admin' },
        createdAt: '2026-11-04T10:00:00.000Z',
        expiresAt: '2026-11-11T10:00:00.000Z',
        revokedAt: null,
        acceptedAt: null,
      });
      expect(JSON.stringify(created)).not.toContain('hash-inv1');
      expect(await invitations.byTokenHash('hash-inv1')).toEqual(created);
      expect(await invitations.get('inv1')).toEqual(created);
      expect(await invitations.byTokenHash('missing')).toBeUndefined();
      await invitations.create(invitation('inv2', { role: 'stm', mesaId: null, createdAt: '2026-11-04T11:00:00.000Z' }));
      expect((await invitations.list()).map((i) => i.id)).toEqual(['inv2', 'inv1']);
      expect(invitationStatus(created, NOW)).toBe('pendiente');
      expect(invitationStatus(created, '2026-11-11T10:00:00.000Z')).toBe('vencida');
    });

    it('refuses an expert without a mesa, another role with one, and a token hash used twice', async () => {
      const { invitations } = current();
      await expect(invitations.create(invitation('inv1', { mesaId: null }))).rejects.toThrow();
      await expect(invitations.create(invitation('inv2', { role: 'stm' }))).rejects.toThrow();
      await invitations.create(invitation('inv3'));
      await expect(invitations.create(invitation('inv4', { tokenHash: 'hash-inv3' }))).rejects.toThrow();
      expect((await invitations.list()).map((i) => i.id)).toEqual(['inv3']);
    });

    it('revokes a pending invitation once; a revoked one cannot be accepted', async () => {
      const { invitations, accounts } = current();
      await invitations.create(invitation('inv1'));
      expect(await invitations.revoke('inv1', NOW)).toBe(true);
      expect(await invitations.revoke('inv1', NOW)).toBe(false);
      const revoked = await invitations.get('inv1');
      expect(revoked?.revokedAt).toBe(NOW);
      expect(invitationStatus(revoked!, NOW)).toBe('revocada');
      expect(await invitations.accept('hash-inv1', newAccount('acc1', 'x@x.mx'), session('s1', 'acc1', NOW), NOW)).toBe('gone');
      expect(await accounts.get('acc1')).toBeUndefined();
    });

    it('accepting creates the account with the invited email and role, the membership and the session, once', async () => {
      const { invitations, accounts, members } = current();
      await invitations.create(invitation('inv1'));
      const outcome = await invitations.accept('hash-inv1', { ...newAccount('acc1', 'ignored@x.mx', 'admin'), name: 'Eva Experta' }, session('s1', 'acc1', NOW, LATER), NOW);
      expect(outcome).toBe('accepted');
      expect(await accounts.get('acc1')).toMatchObject({ email: 'inv1@example.mx', role: 'expert', name: 'Eva Experta' });
      expect(await members.isMember(MESA, 'acc1')).toBe(true);
      expect(await accounts.session('s1', NOW)).toBeDefined();
      const accepted = await invitations.get('inv1');
      expect(accepted?.acceptedAt).toBe(NOW);
      expect(invitationStatus(accepted!, NOW)).toBe('aceptada');
      expect(await invitations.revoke('inv1', NOW)).toBe(false);
      expect(await invitations.accept('hash-inv1', newAccount('acc2', 'y@x.mx'), session('s2', 'acc2', NOW), NOW)).toBe('gone');
      expect(await accounts.get('acc2')).toBeUndefined();
    });

    it('an expired invitation, or an email taken meanwhile, writes nothing at all', async () => {
      const { invitations, accounts, members } = current();
      await invitations.create(invitation('inv1', { expiresAt: NOW }));
      expect(await invitations.accept('hash-inv1', newAccount('acc1', 'x@x.mx'), session('s1', 'acc1', NOW), NOW)).toBe('gone');
      await invitations.create(invitation('inv2'));
      await accounts.create(newAccount('taken', 'INV2@example.mx'));
      expect(await invitations.accept('hash-inv2', newAccount('acc2', 'x@x.mx'), session('s2', 'acc2', NOW), NOW)).toBe('account_exists');
      expect(await accounts.get('acc2')).toBeUndefined();
      expect(await members.list(MESA)).toEqual([]);
      expect(await accounts.session('s2', NOW)).toBeUndefined();
      expect((await invitations.get('inv2'))?.acceptedAt).toBeNull();
    });

    it('two acceptances of one link at once: exactly one account', async () => {
      const { invitations, accounts } = current();
      await invitations.create(invitation('inv1', { role: 'stm', mesaId: null }));
      const outcomes = await Promise.all(
        ['a', 'b', 'c'].map((k) => invitations.accept('hash-inv1', newAccount(`acc-${k}`, `${k}@x.mx`), session(`s-${k}`, `acc-${k}`, NOW), NOW)),
      );
      expect(outcomes.filter((o) => o === 'accepted')).toHaveLength(1);
      expect(outcomes.filter((o) => o !== 'accepted').every((o) => o === 'gone' || o === 'account_exists')).toBe(true);
      expect(await accounts.list()).toHaveLength(1);
    });
  });
}
