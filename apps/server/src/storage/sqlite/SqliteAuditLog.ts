import type { AuditEntry, AuditLog, AuditQuery } from '../AccessStorage';
import { auditFilter, toAuditEntry, type AuditRow } from '../accessRows';
import type { Db } from '../database';
import { asPromise } from './asPromise';

/** {@link AuditLog} on SQLite; triggers refuse UPDATE and DELETE of its rows. */
export class SqliteAuditLog implements AuditLog {
  constructor(private readonly db: Db) {}

  append(e: Omit<AuditEntry, 'id'>): Promise<AuditEntry> {
    return asPromise(() => {
      const r = this.db
        .prepare(
          `INSERT INTO audit_log (at, actor_id, actor_name, actor_role, action, mesa_id, commitment_id, plan_id, details)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(e.at, e.actor?.id ?? null, e.actor?.name ?? null, e.actor?.role ?? null, e.action, e.mesaId, e.commitmentId, e.planId, JSON.stringify(e.details));
      return { id: Number(r.lastInsertRowid), ...e };
    });
  }

  list(q: AuditQuery): Promise<AuditEntry[]> {
    return asPromise(() => {
      const { where, params } = auditFilter(q, () => '?');
      const rows = this.db.prepare(`SELECT * FROM audit_log ${where} ORDER BY id DESC LIMIT ?`).all(...params, q.limit) as AuditRow[];
      return rows.map(toAuditEntry);
    });
  }
}
