import { beforeEach, describe, expect, it } from 'vitest';
import type { ParticipantRecord } from '../AccessStorage';
import { newAccount } from './accountContract';
import { mesaInput } from './fixtures';
import type { CurrentStorage } from './storageContract';

const participant = (id: string, mesaId = 'mesaAgua01'): ParticipantRecord => ({
  id,
  mesaId,
  name: 'Ana',
  organization: 'Colectivo Agua Limpia',
  sector: 'sociedad_civil',
  renewalHash: `renewal-${id}`,
  createdAt: '2026-11-02T10:00:00.000Z',
});

/** `MemberRepository` and `ParticipantRepository`. */
export function mesaAccessContract(current: CurrentStorage): void {
  describe('mesa members and participants', () => {
    beforeEach(async () => {
      const { mesas, accounts } = current();
      await mesas.create('mesaAgua01', mesaInput(), '2026-11-01T10:00:00.000Z', new Map());
      await mesas.create('mesaOtra01', mesaInput('Otra'), '2026-11-01T11:00:00.000Z', new Map());
      await accounts.create(newAccount('eva', 'eva@example.mx', 'expert'));
      await accounts.create(newAccount('leo', 'leo@example.mx', 'expert'));
    });

    it('adds a member once, lists with the account, knows its mesas, removes it', async () => {
      const { members } = current();
      expect(await members.add('mesaAgua01', 'eva', '2026-11-03T10:00:00.000Z')).toBe(true);
      expect(await members.add('mesaAgua01', 'eva', '2026-11-04T10:00:00.000Z')).toBe(false);
      expect(await members.add('mesaAgua01', 'leo', '2026-11-03T09:00:00.000Z')).toBe(true);
      expect(await members.add('mesaOtra01', 'eva', '2026-11-03T10:00:00.000Z')).toBe(true);
      expect(await members.list('mesaAgua01')).toEqual([
        { mesaId: 'mesaAgua01', account: { id: 'leo', name: 'Persona leo', email: 'leo@example.mx' }, addedAt: '2026-11-03T09:00:00.000Z' },
        { mesaId: 'mesaAgua01', account: { id: 'eva', name: 'Persona eva', email: 'eva@example.mx' }, addedAt: '2026-11-03T10:00:00.000Z' },
      ]);
      expect(await members.isMember('mesaAgua01', 'eva')).toBe(true);
      expect(await members.mesasOf('eva')).toEqual(['mesaAgua01', 'mesaOtra01']);
      expect(await members.remove('mesaAgua01', 'eva')).toBe(true);
      expect(await members.remove('mesaAgua01', 'eva')).toBe(false);
      expect(await members.isMember('mesaAgua01', 'eva')).toBe(false);
      expect(await members.mesasOf('eva')).toEqual(['mesaOtra01']);
      await expect(members.add('missing-mesa', 'eva', '2026-11-03T10:00:00.000Z')).rejects.toThrow();
      await expect(members.add('mesaAgua01', 'nobody', '2026-11-03T10:00:00.000Z')).rejects.toThrow();
    });

    it('keeps a participant with organisation, sector and the hash of its renewal secret, and updates how it presents', async () => {
      const { participants } = current();
      await participants.create(participant('p_aaaaaaaaaa'));
      await participants.create({ ...participant('p_bbbbbbbbbb'), organization: null, sector: null });
      expect(await participants.get('p_aaaaaaaaaa')).toEqual(participant('p_aaaaaaaaaa'));
      expect(await participants.get('p_bbbbbbbbbb')).toMatchObject({ organization: null, sector: null });
      expect(await participants.get('p_missing000')).toBeUndefined();
      await participants.update('p_aaaaaaaaaa', { name: 'Ana María', organization: null, sector: 'academia' });
      expect(await participants.get('p_aaaaaaaaaa')).toEqual({ ...participant('p_aaaaaaaaaa'), name: 'Ana María', organization: null, sector: 'academia' });
      await expect(participants.create(participant('p_aaaaaaaaaa'))).rejects.toThrow();
      await expect(participants.create({ ...participant('p_cccccccccc'), sector: 'farándula' as 'academia' })).rejects.toThrow();
      await expect(participants.create(participant('p_dddddddddd', 'missing-mesa'))).rejects.toThrow();
    });
  });
}
