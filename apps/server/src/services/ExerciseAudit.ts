import type { AuditEntry, AuditLog } from '../storage/AccessStorage';
import type { Actor } from './exerciseClock';

/** Every action of the exercise the audit log records (docs/api-exercise.md, "Audit"). */
export type ExerciseAuditAction =
  | 'exercise.create'
  | 'exercise.schedule'
  | 'exercise.declaration'
  | 'exercise.event'
  | 'exercise.member'
  | 'exercise.stm'
  | 'exercise.publish'
  | 'exercise.pam_link'
  | 'exercise.mesa_link'
  | 'exercise.file_upload'
  | 'kit.framing'
  | 'kit.item_add'
  | 'kit.publish'
  | 'pam.stm_approval'
  | 'activity.progress'
  | 'pam.monitoring'
  | 'pam.evaluation'
  | 'exercise.demo_load';

/** What an entry is about: always its exercise (kept in `details.exerciseId`), and the mesa, commitment or plan. */
export interface ExerciseAuditRefs {
  exerciseId: string;
  mesaId?: string;
  commitmentId?: string;
  planId?: string;
}

/**
 * Writes the exercise's entries to the same append-only audit log as every other write (after the
 * write succeeded; a refused request writes nothing). `details` never hold contacts or secrets.
 */
export class ExerciseAudit {
  constructor(private readonly log: AuditLog) {}

  /** Appends one entry, stamped now. */
  record(actor: Actor & { role: string }, action: ExerciseAuditAction, refs: ExerciseAuditRefs, details: Record<string, unknown> = {}): Promise<AuditEntry> {
    return this.log.append({
      at: new Date().toISOString(),
      actor: { id: actor.id, name: actor.name, role: actor.role },
      action,
      mesaId: refs.mesaId ?? null,
      commitmentId: refs.commitmentId ?? null,
      planId: refs.planId ?? null,
      details: { exerciseId: refs.exerciseId, ...details },
    });
  }
}
