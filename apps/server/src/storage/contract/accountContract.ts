import { describe, expect, it } from 'vitest';
import { AccountExistsError, type NewAccount, type StoredSession } from '../AccessStorage';
import type { CurrentStorage } from './storageContract';

/** An account's input. */
export const newAccount = (id: string, email: string, role: NewAccount['role'] = 'facilitator'): NewAccount => ({
  id,
  email,
  name: `Persona ${id}`,
  role,
  passwordHash: `$scrypt$ln=10,r=8,p=1$c2FsdA$hash-of-${id}`,
  createdAt: `2026-11-01T10:00:0${id.length % 10}.000Z`,
});

/** A session of `accountId` from `createdAt` to `expiresAt`. */
export const session = (idHash: string, accountId: string, createdAt = '2026-11-02T10:00:00.000Z', expiresAt = '2026-11-02T22:00:00.000Z'): StoredSession => ({
  idHash,
  accountId,
  csrfToken: `csrf-${idHash}`,
  createdAt,
  expiresAt,
});

/** `AccountRepository`: accounts, case-insensitive emails, sessions and what disabling does. */
export function accountContract(current: CurrentStorage): void {
  describe('accounts and sessions', () => {
    it('creates an account, never hands back its hash, and finds it by email however it is typed', async () => {
      const { accounts } = current();
      const created = await accounts.create(newAccount('acc1', '  Rosa.Perez@Example.MX '));
      const expected = { id: 'acc1', email: 'rosa.perez@example.mx', name: 'Persona acc1', role: 'facilitator', disabled: false, createdAt: '2026-11-01T10:00:04.000Z' };
      expect(created).toEqual(expected);
      expect(await accounts.get('acc1')).toEqual(expected);
      expect(await accounts.byEmail('ROSA.PEREZ@example.mx')).toEqual(expected);
      expect(await accounts.credentials('rosa.perez@EXAMPLE.mx')).toEqual({ account: expected, passwordHash: newAccount('acc1', '').passwordHash });
      expect(await accounts.get('missing')).toBeUndefined();
      expect(await accounts.byEmail('nadie@example.mx')).toBeUndefined();
      expect(await accounts.credentials('nadie@example.mx')).toBeUndefined();
      expect(JSON.stringify(await accounts.list())).not.toContain('scrypt');
    });

    it('refuses a second account with the same email in another case, writing nothing', async () => {
      const { accounts } = current();
      await accounts.create(newAccount('acc1', 'ana@example.mx'));
      await expect(accounts.create(newAccount('acc2', 'ANA@Example.mx'))).rejects.toThrow(AccountExistsError);
      expect(await accounts.get('acc2')).toBeUndefined();
      expect(await accounts.list()).toHaveLength(1);
      await expect(accounts.create({ ...newAccount('acc3', 'x@example.mx'), role: 'root' as 'admin' })).rejects.toThrow();
    });

    it('lists oldest first and changes role and disabled', async () => {
      const { accounts } = current();
      await accounts.create({ ...newAccount('b', 'b@example.mx'), createdAt: '2026-11-02T00:00:00.000Z' });
      await accounts.create({ ...newAccount('a', 'a@example.mx'), createdAt: '2026-11-01T00:00:00.000Z' });
      expect((await accounts.list()).map((a) => a.id)).toEqual(['a', 'b']);
      expect(await accounts.update('a', { role: 'expert' })).toMatchObject({ id: 'a', role: 'expert', disabled: false });
      expect(await accounts.update('a', { disabled: true })).toMatchObject({ role: 'expert', disabled: true });
      expect(await accounts.update('a', { disabled: false })).toMatchObject({ role: 'expert', disabled: false });
      expect(await accounts.update('missing', { role: 'stm' })).toBeUndefined();
    });

    it('finds a session until it expires, with its account; ends it; sweeps expired ones', async () => {
      const { accounts } = current();
      await accounts.create(newAccount('acc1', 'ana@example.mx'));
      await accounts.createSession(session('h1', 'acc1'));
      const found = await accounts.session('h1', '2026-11-02T12:00:00.000Z');
      expect(found?.session).toEqual(session('h1', 'acc1'));
      expect(found?.account.email).toBe('ana@example.mx');
      expect(await accounts.session('h1', '2026-11-02T22:00:00.000Z')).toBeUndefined();
      expect(await accounts.session('nope', '2026-11-02T12:00:00.000Z')).toBeUndefined();
      // A session started after h1 expired sweeps it away.
      await accounts.createSession(session('h2', 'acc1', '2026-11-03T10:00:00.000Z', '2026-11-03T22:00:00.000Z'));
      expect(await accounts.deleteSession('h1')).toBe(false);
      expect(await accounts.deleteSession('h2')).toBe(true);
      expect(await accounts.session('h2', '2026-11-03T12:00:00.000Z')).toBeUndefined();
      await expect(accounts.createSession(session('h3', 'no-such-account'))).rejects.toThrow();
    });

    it('disabling an account ends its sessions and refuses them even if one were left', async () => {
      const { accounts } = current();
      await accounts.create(newAccount('acc1', 'ana@example.mx'));
      await accounts.create(newAccount('acc2', 'beto@example.mx'));
      await accounts.createSession(session('h1', 'acc1'));
      await accounts.createSession(session('h2', 'acc2'));
      await accounts.update('acc1', { disabled: true });
      expect(await accounts.session('h1', '2026-11-02T12:00:00.000Z')).toBeUndefined();
      expect(await accounts.deleteSession('h1')).toBe(false);
      expect(await accounts.session('h2', '2026-11-02T12:00:00.000Z')).toBeDefined();
      await accounts.update('acc1', { disabled: false });
      expect(await accounts.session('h1', '2026-11-02T12:00:00.000Z')).toBeUndefined();
    });

    it('changing a password keeps one session of the account and ends its others, not other accounts\'', async () => {
      const { accounts } = current();
      await accounts.create(newAccount('acc1', 'ana@example.mx'));
      await accounts.create(newAccount('acc2', 'beto@example.mx'));
      for (const [h, a] of [['h1', 'acc1'], ['h2', 'acc1'], ['h3', 'acc1'], ['h4', 'acc2']] as const) await accounts.createSession(session(h, a));
      expect((await accounts.changePassword('acc1', '$scrypt$nueva', 'h2'))?.sort()).toEqual(['h1', 'h3']);
      const now = '2026-11-02T12:00:00.000Z';
      expect(await accounts.session('h1', now)).toBeUndefined();
      expect(await accounts.session('h3', now)).toBeUndefined();
      expect(await accounts.session('h2', now)).toBeDefined();
      expect(await accounts.session('h4', now)).toBeDefined();
      expect((await accounts.credentials('ana@example.mx'))?.passwordHash).toBe('$scrypt$nueva');
      expect(await accounts.changePassword('no-such-account', '$scrypt$x', 'h2')).toBeUndefined();
    });
  });
}
