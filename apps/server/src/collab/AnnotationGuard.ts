import type { beforeSyncPayload, Extension } from '@hocuspocus/server';
import { checkAnnotationUpdate, CloseCode, parseDocumentName, type AnnotationViolation } from '@cocrea/collab';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import type { CollabContext } from './context';

const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** Thrown into Hocuspocus' hook chain: it stops the chain and closes the document connection. */
function refusal(code: number, reason: string, message: string): Error {
  return Object.assign(new Error(message), { code, reason });
}

/**
 * Enforces what an annotations write may change (docs/permissions.md) on every incoming update
 * of a `mesa:<id>:annotations` document, *before* it is logged, applied or relayed: the update
 * is applied to a copy of the live document and the two snapshots are checked with the
 * connection's principal as the writer (`checkAnnotationUpdate`). A refused update closes the
 * socket with 4403 (`forbidden:<rule>`); nothing of it is stored or sent to anyone.
 *
 * Hocuspocus runs `beforeSync` hooks in descending `priority`, each awaited and a rejection ending
 * the chain, so this guard (500) runs before `DurableLogExtension` (100) writes the update.
 */
export class AnnotationGuard implements Extension {
  readonly extensionName = 'cocrea-annotation-guard';
  readonly priority = 500;

  constructor(
    private readonly logger: Logger,
    private readonly metrics?: Metrics,
  ) {}

  beforeSync({ type, payload, documentName, document, connection, context }: beforeSyncPayload<CollabContext>): Promise<void> {
    // Hocuspocus drops writes on a read-only connection by itself; SyncStep1 carries no content.
    if ((type !== SYNC_STEP_2 && type !== SYNC_UPDATE) || connection.readOnly) return Promise.resolve();
    if (parseDocumentName(documentName)?.kind !== 'annotations') return Promise.resolve();

    const principal = context.principal;
    let problem: AnnotationViolation | null;
    if (!principal) {
      problem = { rule: 'author-mismatch', message: 'Conexión sin identidad.' };
    } else {
      try {
        problem = checkAnnotationUpdate(document, payload, { id: principal.id, role: principal.role, name: principal.name });
      } catch {
        this.metrics?.errors.inc({ kind: 'malformed_update' });
        context.socket.close(CloseCode.ResetConnection, 'malformed-update');
        return Promise.reject(refusal(CloseCode.ResetConnection, 'malformed-update', 'malformed update'));
      }
    }
    if (!problem) return Promise.resolve();

    const reason = `forbidden:${problem.rule}`;
    this.logger.warn({ documentName, principal: principal?.id, role: principal?.role, rule: problem.rule }, 'annotation update refused');
    this.metrics?.errors.inc({ kind: 'annotation_refused' });
    context.socket.close(CloseCode.Forbidden, reason);
    return Promise.reject(refusal(CloseCode.Forbidden, reason, problem.message));
  }
}
