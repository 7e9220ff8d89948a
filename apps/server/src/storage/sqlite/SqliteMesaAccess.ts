import type { ParticipantSector } from '@cocrea/domain';
import type { MemberRecord, MemberRepository, ParticipantRecord, ParticipantRepository } from '../AccessStorage';
import { toMember, toParticipant, type MemberRow, type ParticipantRow } from '../accessRows';
import type { Db } from '../database';
import { asPromise } from './asPromise';

/** {@link MemberRepository} on SQLite. */
export class SqliteMemberRepository implements MemberRepository {
  constructor(private readonly db: Db) {}

  add(mesaId: string, accountId: string, addedAt: string): Promise<boolean> {
    return asPromise(
      () => this.db.prepare('INSERT INTO mesa_members (mesa_id, account_id, added_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(mesaId, accountId, addedAt).changes > 0,
    );
  }

  remove(mesaId: string, accountId: string): Promise<boolean> {
    return asPromise(() => this.db.prepare('DELETE FROM mesa_members WHERE mesa_id = ? AND account_id = ?').run(mesaId, accountId).changes > 0);
  }

  list(mesaId: string): Promise<MemberRecord[]> {
    return asPromise(() =>
      (
        this.db
          .prepare(
            `SELECT m.mesa_id, m.account_id, a.name, a.email, m.added_at
             FROM mesa_members m JOIN accounts a ON a.id = m.account_id
             WHERE m.mesa_id = ? ORDER BY m.added_at, m.account_id`,
          )
          .all(mesaId) as MemberRow[]
      ).map(toMember),
    );
  }

  isMember(mesaId: string, accountId: string): Promise<boolean> {
    return asPromise(() => this.db.prepare('SELECT 1 FROM mesa_members WHERE mesa_id = ? AND account_id = ?').get(mesaId, accountId) !== undefined);
  }

  mesasOf(accountId: string): Promise<string[]> {
    return asPromise(() =>
      (this.db.prepare('SELECT mesa_id FROM mesa_members WHERE account_id = ? ORDER BY mesa_id').all(accountId) as { mesa_id: string }[]).map((r) => r.mesa_id),
    );
  }
}

/** {@link ParticipantRepository} on SQLite. */
export class SqliteParticipantRepository implements ParticipantRepository {
  constructor(private readonly db: Db) {}

  create(p: ParticipantRecord): Promise<void> {
    return asPromise(() => {
      this.db
        .prepare('INSERT INTO participants (id, mesa_id, name, organization, sector, renewal_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(p.id, p.mesaId, p.name, p.organization, p.sector, p.renewalHash, p.createdAt);
    });
  }

  get(id: string): Promise<ParticipantRecord | undefined> {
    return asPromise(() => {
      const row = this.db.prepare('SELECT * FROM participants WHERE id = ?').get(id) as ParticipantRow | undefined;
      return row && toParticipant(row);
    });
  }

  update(id: string, changes: { name: string; organization: string | null; sector: ParticipantSector | null }): Promise<void> {
    return asPromise(() => {
      this.db.prepare('UPDATE participants SET name = ?, organization = ?, sector = ? WHERE id = ?').run(changes.name, changes.organization, changes.sector, id);
    });
  }
}
