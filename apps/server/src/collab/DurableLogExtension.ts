import {
  isTransactionOrigin,
  type Connection,
  type afterUnloadDocumentPayload,
  type beforeSyncPayload,
  type Extension,
  type onChangePayload,
  type onLoadDocumentPayload,
  type onStatelessPayload,
} from '@hocuspocus/server';
import * as Y from 'yjs';
import {
  CloseCode,
  flushMessageSchema,
  parseDocumentName,
  parseStateless,
  type DocumentKind,
  type ReadOnlyMessage,
  type SavedMessage,
  type SaveResumedMessage,
  type SaveStalledMessage,
} from '@cocrea/collab';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import type { DurableUpdateLog } from '../storage/DurableUpdateLog';
import type { CollabContext } from './context';
import type { DocumentCompactor } from './DocumentCompactor';
import type { LockMessage } from './DocumentLocks';

const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;
/** Document kinds that start empty (the tree and roadmaps are seeded by the server). */
const UNSEEDED = new Set<DocumentKind>(['annotations', 'session', 'notes']);
/**
 * Refused updates one connection may have sent since its last flush. The web flushes after every
 * burst of edits; a client that keeps sending refused updates without ever flushing is closed
 * (4429) rather than remembered without end.
 */
export const MAX_REFUSED_UNFLUSHED = 1024;
/** Origin of the transaction that fills a document from storage; never logged again. */
export const LOAD_ORIGIN = Symbol('cocrea:load');

/**
 * Whether a change was relayed from another instance by the Redis extension (its transactions
 * carry `{ source: 'redis' }`). The instance whose client sent it logged it before applying it.
 */
export function isRelayed(origin: unknown): boolean {
  return isTransactionOrigin(origin) && origin.source === 'redis';
}

/** Ids of a transaction that carries no change at all (an empty SyncStep2, say). */
function isEmptyUpdate(update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  return structs.length === 0 && ds.clients.size === 0;
}

/**
 * What a connection sent, for answering its flushes truthfully: updates are numbered in the
 * order the connection's messages are processed, and a flush covers those numbered up to
 * `seq` when it arrives. A refused one (read-only, or refused by the store now or at a retry)
 * turns the answer of the flush covering it into `read-only`.
 */
interface SentState {
  seq: number;
  refused: number[];
}

/**
 * Durability for every document: loads snapshot + log tail, writes each incoming update to the
 * durable log *before* Hocuspocus applies and acknowledges it, and answers the client's
 * flush with "saved" once everything that client sent before it is on disk.
 */
export class DurableLogExtension implements Extension {
  readonly extensionName = 'cocrea-durable-log';
  readonly priority = 100;
  private readonly sent = new WeakMap<Connection, SentState>();

  constructor(
    private readonly log: DurableUpdateLog,
    private readonly compactor: DocumentCompactor,
    private readonly logger: Logger,
    private readonly metrics?: Metrics,
    /** Told when the store refused an update because its document is locked. */
    private readonly onRefused: (documentName: string) => void = () => {},
    /** After this long without the disk, a flush is answered `save-stalled` (SAVE_STALL_SECONDS). */
    private readonly stallMs = 5000,
  ) {}

  private sentBy(connection: Connection): SentState {
    let s = this.sent.get(connection);
    if (!s) this.sent.set(connection, (s = { seq: 0, refused: [] }));
    return s;
  }

  /** Remembers a refused update until a flush covers it; past the bound, closes the socket. */
  private markRefused(connection: Connection, sent: SentState, seq: number): void {
    sent.refused.push(seq);
    if (sent.refused.length <= MAX_REFUSED_UNFLUSHED) return;
    sent.refused = [];
    (connection.context as CollabContext).socket.close(CloseCode.RateLimited, 'too-many-refused-updates');
  }

  /** The store refused an update of `connection`: read-only now, and told so. */
  private refusedByStore(connection: Connection, documentName: string, seq: number): void {
    this.markRefused(connection, this.sentBy(connection), seq);
    if (connection.readOnly) return;
    // Read-only now, Hocuspocus drops its next updates and answers SyncStatus(false).
    connection.readOnly = true;
    connection.sendStateless(JSON.stringify({ type: 'locked' } satisfies LockMessage));
    this.onRefused(documentName);
  }

  async onLoadDocument({ document, documentName }: onLoadDocumentPayload): Promise<void> {
    const stored = await this.compactor.load(documentName);
    // Annotations, the session and private notes need no seed: an empty document is a valid one
    // (its mesa, and a private document's owner, were checked at authentication).
    if (!stored.snapshot && stored.updates.length === 0 && !UNSEEDED.has(parseDocumentName(documentName)?.kind ?? 'tree')) {
      throw Object.assign(new Error(`document ${documentName} does not exist`), { reason: 'unknown-document' });
    }
    document.transact(() => {
      if (stored.snapshot) Y.applyUpdate(document, stored.snapshot);
      for (const u of stored.updates) {
        try {
          Y.applyUpdate(document, u);
        } catch (err) {
          this.logger.error({ err, documentName }, 'skipped an unreadable logged update');
        }
      }
    }, LOAD_ORIGIN);
  }

  async beforeSync({ type, payload, documentName, document, connection, context }: beforeSyncPayload<CollabContext>): Promise<void> {
    if (type !== SYNC_STEP_2 && type !== SYNC_UPDATE) return;
    const sent = this.sentBy(connection);
    const seq = ++sent.seq;
    if (connection.readOnly) {
      // Hocuspocus drops it; only something the document lacks is a refused edit.
      let known = false;
      try {
        known = Y.snapshotContainsUpdate(Y.snapshot(document), payload);
      } catch {
        // undecodable: dropped all the same
      }
      if (!known) this.markRefused(connection, sent, seq);
      return;
    }
    let empty: boolean;
    try {
      empty = isEmptyUpdate(payload);
    } catch {
      // Nothing was logged or applied. Hocuspocus only drops the document on a hook error; a
      // client that sends undecodable updates loses its whole socket.
      this.metrics?.errors.inc({ kind: 'malformed_update' });
      context.socket.close(CloseCode.ResetConnection, 'malformed-update');
      throw Object.assign(new Error('malformed update'), { reason: 'malformed-update' });
    }
    if (empty) return;
    const arrived = process.hrtime.bigint();
    let firstAttemptDone = false;
    const outcome = await this.log.append(documentName, payload, (final) => {
      // Refused at a retry after a failure: its document was locked meanwhile. It was already
      // applied and relayed (the store was failing; see docs/ARCHITECTURE.md), but never "saved".
      if (final === 'refused' && firstAttemptDone) this.refusedByStore(connection, documentName, seq);
    });
    firstAttemptDone = true;
    if (outcome === 'refused') {
      // The store refused it: the document was locked (a finalize, perhaps on another instance,
      // that this one has not heard of yet). Hocuspocus drops the update and answers
      // SyncStatus(false); nothing was stored, applied or relayed.
      this.refusedByStore(connection, documentName, seq);
      return;
    }
    this.metrics?.ackLatency.observe(Number(process.hrtime.bigint() - arrived) / 1e9);
    // The document was frozen while this update was being written (a commitment is being
    // finalized). It is in the log, so it must be in memory too: it was sent before the freeze,
    // and `DocumentLocks.freeze` waits for this message before anyone reads the document.
    if (connection.readOnly) Y.applyUpdate(document, payload, { source: 'connection', connection });
  }

  async onChange({ update, documentName, transactionOrigin, connection }: onChangePayload): Promise<void> {
    // Changes made on the server itself are logged too; not those from a socket (logged in
    // `beforeSync`), from storage, or relayed from another instance (logged by that instance:
    // logging them again would write every edit once per instance).
    if (connection || transactionOrigin === LOAD_ORIGIN || isRelayed(transactionOrigin)) return;
    await this.log.append(documentName, update);
  }

  /**
   * Answers a flush: `saved` once everything the connection sent before it is durable, unless
   * any of those updates (since the previous flush) was refused, then `read-only`. While the
   * disk keeps it waiting past the stall threshold the client is told `save-stalled`, and
   * `save-resumed` just before the `saved` that ends it.
   */
  async onStateless({ payload, documentName, connection }: onStatelessPayload): Promise<void> {
    const flush = parseStateless(flushMessageSchema, payload);
    if (!flush) return;
    const sent = this.sentBy(connection);
    // Hocuspocus does not await this hook: later messages of the connection go on meanwhile.
    const upTo = sent.seq;
    const refusedBefore = (): boolean => {
      const any = sent.refused.some((s) => s <= upTo);
      sent.refused = sent.refused.filter((s) => s > upTo);
      return any;
    };
    if (connection.readOnly) {
      // Writes on a read-only document are dropped: never claim they were saved.
      refusedBefore();
      const refused: ReadOnlyMessage = { type: 'read-only', id: flush.id };
      connection.sendStateless(JSON.stringify(refused));
      return;
    }
    let stalled = false;
    const timer = setTimeout(() => {
      stalled = true;
      connection.sendStateless(JSON.stringify({ type: 'save-stalled' } satisfies SaveStalledMessage));
    }, this.stallMs);
    try {
      await this.log.whenDurable(documentName);
    } finally {
      clearTimeout(timer);
    }
    if (refusedBefore()) {
      // A write the store refused is never answered "saved", whatever the connection is now.
      connection.sendStateless(JSON.stringify({ type: 'read-only', id: flush.id } satisfies ReadOnlyMessage));
      return;
    }
    if (stalled) connection.sendStateless(JSON.stringify({ type: 'save-resumed' } satisfies SaveResumedMessage));
    const saved: SavedMessage = { type: 'saved', id: flush.id };
    connection.sendStateless(JSON.stringify(saved));
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    await this.compactor.unloaded(documentName);
  }
}
