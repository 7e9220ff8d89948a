import type { AuditEntry, AuditLog } from '../storage/AccessStorage';

/** Every action the audit log records (docs/api-accounts.md, "Audit log"). */
export type AuditAction =
  | 'auth.sign_in'
  | 'auth.sign_in_failed'
  | 'auth.sign_out'
  | 'invitation.create'
  | 'invitation.revoke'
  | 'invitation.accept'
  | 'account.update'
  | 'account.password_change'
  | 'account.password_change_failed'
  | 'mesa.create'
  | 'mesa.update'
  | 'mesa.join'
  | 'member.add'
  | 'member.remove'
  | 'alternative.create'
  | 'commitment.create'
  | 'commitment.review'
  | 'commitment.definitive'
  | 'commitment.finalize'
  | 'commitment.reopen'
  | 'pam.create'
  | 'pam.update'
  | 'pam.entry_set'
  | 'pam.entry_remove'
  | 'pam.approve'
  | 'pam.publish';

/** Who did it, as the log keeps it. */
export interface AuditActor {
  id: string;
  name: string;
  role: string;
}

/** What an entry is about. */
export interface AuditRefs {
  mesaId?: string | null;
  commitmentId?: string | null;
  planId?: string | null;
}

/**
 * Writes the append-only audit log. Called after a write succeeded (a refused request writes
 * nothing, not even here). `details` must never hold a secret: no password, token or hash.
 */
export class AuditTrail {
  constructor(private readonly log: AuditLog) {}

  /** Appends one entry, stamped now. */
  record(actor: AuditActor | null, action: AuditAction, refs: AuditRefs = {}, details: Record<string, unknown> = {}): Promise<AuditEntry> {
    return this.log.append({
      at: new Date().toISOString(),
      actor: actor && { id: actor.id, name: actor.name, role: actor.role },
      action,
      mesaId: refs.mesaId ?? null,
      commitmentId: refs.commitmentId ?? null,
      planId: refs.planId ?? null,
      details,
    });
  }
}
