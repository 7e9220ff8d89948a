import type {
  afterLoadDocumentPayload,
  afterUnloadDocumentPayload,
  beforeSyncPayload,
  Extension,
  onChangePayload,
} from '@hocuspocus/server';
import * as Y from 'yjs';
import { checkTextLimits, CloseCode, parseDocumentName, type DecodedUpdate } from '@cocrea/collab';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import type { CollabContext } from './context';

const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** The close reason of an update refused by the size quota. */
export const DOCUMENT_TOO_LARGE = 'document-too-large';

/** Thrown into Hocuspocus' hook chain: it stops the chain, so nothing is logged or applied. */
function refusal(code: number, reason: string): Error {
  return Object.assign(new Error(reason), { code, reason });
}

/** What is known of a loaded document's size. */
interface Size {
  /** Encoded state size when measured, plus the bytes of every update applied since. */
  bytes: number;
  /** Whether `bytes` is a fresh measurement (nothing applied since). */
  exact: boolean;
}

/**
 * Bounds what one update may put into a shared document, before it is logged, applied or relayed:
 *
 * - the document's size quota (`MAX_DOCUMENT_BYTES`, on its encoded state): an update that adds
 *   content and would take the document past it closes the socket with 4413
 *   `document-too-large`. Size is tracked cheaply — measured once at load, then the bytes of each
 *   applied update added (an overestimate: deletions and merging only shrink it) — and measured
 *   again only when that estimate says the quota is reached. An update that only deletes is
 *   always let through, so a full document can be trimmed.
 * - text limits (`checkTextLimits` of `@cocrea/collab`, TEXT_LIMITS): a text the update would
 *   make longer than its limit closes the socket with 4422 `invalid:text-too-long`.
 *
 * Priority 600: before the annotation rules (500) and the durable log (100).
 */
export class ContentGuard implements Extension {
  readonly extensionName = 'cocrea-content-guard';
  readonly priority = 600;
  private readonly sizes = new Map<string, Size>();

  constructor(
    private readonly maxDocumentBytes: number,
    private readonly logger: Logger,
    private readonly metrics?: Metrics,
  ) {}

  /** The tracked size of a loaded document (for tests and metrics). */
  trackedBytes(documentName: string): number | undefined {
    return this.sizes.get(documentName)?.bytes;
  }

  afterLoadDocument({ documentName, document }: afterLoadDocumentPayload): Promise<void> {
    this.sizes.set(documentName, { bytes: Y.encodeStateAsUpdate(document).byteLength, exact: true });
    return Promise.resolve();
  }

  onChange({ documentName, update }: onChangePayload): Promise<void> {
    const size = this.sizes.get(documentName);
    if (size) {
      size.bytes += update.byteLength;
      size.exact = false;
    }
    return Promise.resolve();
  }

  afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    this.sizes.delete(documentName);
    return Promise.resolve();
  }

  beforeSync({ type, payload, documentName, document, connection, context }: beforeSyncPayload<CollabContext>): Promise<void> {
    // Hocuspocus drops writes on a read-only connection by itself; SyncStep1 carries no content.
    if ((type !== SYNC_STEP_2 && type !== SYNC_UPDATE) || connection.readOnly) return Promise.resolve();
    const kind = parseDocumentName(documentName)?.kind;
    if (!kind) return Promise.resolve();
    let decoded: DecodedUpdate;
    try {
      decoded = Y.decodeUpdate(payload);
    } catch {
      this.metrics?.errors.inc({ kind: 'malformed_update' });
      context.socket.close(CloseCode.ResetConnection, 'malformed-update');
      return Promise.reject(refusal(CloseCode.ResetConnection, 'malformed-update'));
    }
    if (decoded.structs.length === 0) return Promise.resolve();

    if (this.wouldExceed(documentName, document, payload.byteLength)) {
      this.logger.warn({ documentName, principal: context.principal?.id, bytes: payload.byteLength, max: this.maxDocumentBytes }, 'update refused: document size quota');
      this.metrics?.errors.inc({ kind: 'document_too_large' });
      context.socket.close(CloseCode.DocumentTooLarge, DOCUMENT_TOO_LARGE);
      return Promise.reject(refusal(CloseCode.DocumentTooLarge, DOCUMENT_TOO_LARGE));
    }

    const problem = checkTextLimits(document, decoded, kind);
    if (!problem) return Promise.resolve();
    const reason = `invalid:${problem.rule}`;
    this.logger.warn({ documentName, principal: context.principal?.id, rule: problem.rule, limit: problem.limit }, 'update refused: content rule');
    this.metrics?.errors.inc({ kind: 'invalid_content' });
    context.socket.close(CloseCode.InvalidContent, reason);
    return Promise.reject(refusal(CloseCode.InvalidContent, reason));
  }

  /** Whether adding about `incoming` bytes would take the document past its quota. */
  private wouldExceed(documentName: string, document: Y.Doc, incoming: number): boolean {
    let size = this.sizes.get(documentName);
    if (!size) {
      size = { bytes: Y.encodeStateAsUpdate(document).byteLength, exact: true };
      this.sizes.set(documentName, size);
    }
    if (size.bytes + incoming <= this.maxDocumentBytes) return false;
    if (!size.exact) {
      // The running estimate only grows; measure once before refusing anyone.
      size.bytes = Y.encodeStateAsUpdate(document).byteLength;
      size.exact = true;
    }
    return size.bytes + incoming > this.maxDocumentBytes;
  }
}
