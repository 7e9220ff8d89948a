import {
  isTransactionOrigin,
  type afterUnloadDocumentPayload,
  type beforeSyncPayload,
  type Extension,
  type onChangePayload,
  type onLoadDocumentPayload,
  type onStatelessPayload,
} from '@hocuspocus/server';
import * as Y from 'yjs';
import { CloseCode, flushMessageSchema, parseDocumentName, parseStateless, type ReadOnlyMessage, type SavedMessage } from '@cocrea/collab';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import type { DurableUpdateLog } from '../storage/DurableUpdateLog';
import type { CollabContext } from './context';
import type { DocumentCompactor } from './DocumentCompactor';
import type { LockMessage } from './DocumentLocks';

const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;
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
 * Durability for every document: loads snapshot + log tail, writes each incoming update to the
 * durable log *before* Hocuspocus applies and acknowledges it, and answers the client's
 * flush with "saved" once everything that client sent before it is on disk.
 */
export class DurableLogExtension implements Extension {
  readonly extensionName = 'cocrea-durable-log';
  readonly priority = 100;

  constructor(
    private readonly log: DurableUpdateLog,
    private readonly compactor: DocumentCompactor,
    private readonly logger: Logger,
    private readonly metrics?: Metrics,
    /** Told when the store refused an update because its document is locked. */
    private readonly onRefused: (documentName: string) => void = () => {},
  ) {}

  async onLoadDocument({ document, documentName }: onLoadDocumentPayload): Promise<void> {
    const stored = await this.compactor.load(documentName);
    // Annotations need no seed: an empty document is a valid one (its mesa was checked at authentication).
    if (!stored.snapshot && stored.updates.length === 0 && parseDocumentName(documentName)?.kind !== 'annotations') {
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
    if ((type !== SYNC_STEP_2 && type !== SYNC_UPDATE) || connection.readOnly) return;
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
    const outcome = await this.log.append(documentName, payload);
    if (outcome === 'refused') {
      // The store refused it: the document was locked (a finalize, perhaps on another instance,
      // that this one has not heard of yet). Read-only now, Hocuspocus drops the update and
      // answers SyncStatus(false); nothing was stored, applied or relayed.
      connection.readOnly = true;
      connection.sendStateless(JSON.stringify({ type: 'locked' } satisfies LockMessage));
      this.onRefused(documentName);
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

  async onStateless({ payload, documentName, connection }: onStatelessPayload): Promise<void> {
    const flush = parseStateless(flushMessageSchema, payload);
    if (!flush) return;
    if (connection.readOnly) {
      // Writes on a read-only document are dropped: never claim they were saved.
      const refused: ReadOnlyMessage = { type: 'read-only', id: flush.id };
      connection.sendStateless(JSON.stringify(refused));
      return;
    }
    await this.log.whenDurable(documentName);
    const saved: SavedMessage = { type: 'saved', id: flush.id };
    connection.sendStateless(JSON.stringify(saved));
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    await this.compactor.unloaded(documentName);
  }
}
