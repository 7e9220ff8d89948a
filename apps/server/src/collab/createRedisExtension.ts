import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import type { onChangePayload } from '@hocuspocus/server';
import { Redis as RedisClient } from 'ioredis';
import { z } from 'zod';
import type { Logger } from '../logger';

/** Namespace of every channel and key cocrea uses in Redis. */
export const REDIS_PREFIX = 'cocrea';

/** How long start-up waits for Redis to answer before refusing to start. */
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * This server's name among its peers, fixed for the life of the process. Host and pid say where
 * it runs; the random part keeps a restarted container (same host name, pid 1) from being taken
 * for its previous self, whose messages the Redis extension would then ignore as its own.
 */
export function instanceIdentifier(): string {
  return `cocrea-${os.hostname().slice(0, 64)}-${process.pid}-${randomUUID().slice(0, 8)}`;
}

/** `redis://user:secret@host` → `redis://user:***@host`, for logs. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}

/** The Redis extension and how to close it. */
export interface RedisRelay {
  extension: RedisExtension;
  /** Tells the other instances that these documents' lock state changed. */
  publishLocks(names: readonly string[]): void;
  /** Called with the names another instance published. */
  onLocks: (names: string[]) => void;
  /** Closes every Redis connection at once. */
  close(): void;
}

/** Channel of lock changes (finalize, reopen) between instances. */
const LOCKS_CHANNEL = `${REDIS_PREFIX}:document-locks`;
const lockEventSchema = z.object({ from: z.string(), names: z.array(z.string().max(200)).max(100) });

/**
 * Marks every publish of `client` as handled. The extension answers peers (and broadcasts
 * stateless messages) from callbacks whose promise Hocuspocus drops; when ioredis gives up on
 * such a publish (one in flight or queued while Redis has been gone ~10 s), the rejection would
 * be unhandled and kill the process. A caller that awaits a publish still gets its error.
 */
function withHandledPublishes(client: RedisClient): RedisClient {
  const publish = client.publish.bind(client) as (...args: unknown[]) => Promise<number>;
  const handled = (...args: unknown[]): Promise<number> => {
    const sent = publish(...args);
    void sent.catch(() => undefined);
    return sent;
  };
  return Object.assign(client, { publish: handled });
}

/**
 * Re-syncs every loaded document with the other instances each time the subscriber connection is
 * back. Redis keeps nothing, and the extension announces a document's state only when it loads
 * it: what was published while Redis was down is gone (ioredis replays its queued publishes only
 * while it keeps retrying, ~10 s), so without this the instances stay apart until the next edit.
 * When `ready` fires ioredis has re-subscribed; every document then publishes its state vector,
 * as on load: a peer answers with what this instance lacks plus its own state vector, which this
 * instance answers with what the peer lacks. The last instance back brings everyone level.
 */
function resyncAfterReconnect(extension: RedisExtension, log: Logger): void {
  let connectedBefore = false;
  extension.sub.on('ready', () => {
    const documents = connectedBefore ? extension.instance.documents : undefined;
    connectedBefore = true;
    if (!documents?.size) return;
    log.info({ documents: documents.size }, 'Redis is back: re-syncing loaded documents with the other instances');
    // The extension's own change hook publishes the state vector (a SyncStep1), coalesced.
    for (const [documentName, document] of documents) void extension.onChange({ documentName, document } as onChangePayload);
  });
}

/**
 * Hocuspocus' Redis extension on `url`: relays document updates and awareness between cocrea
 * instances (pub/sub) and broadcasts server stateless messages. It persists nothing; updates it
 * applies carry the origin `{ source: 'redis' }`, which `DurableLogExtension` never logs (the
 * instance that received the update from its client already did). Its store lock (Redlock)
 * guards only `onStoreDocument`, which cocrea does not use for durability.
 *
 * Resolves once Redis answers; rejects (after closing the connections) if it does not within
 * {@link CONNECT_TIMEOUT_MS}, so a misconfigured instance never serves alone.
 */
export async function createRedisExtension(url: string, identifier: string, log: Logger): Promise<RedisRelay> {
  const clients: RedisClient[] = [];
  const extension = new RedisExtension({
    identifier,
    prefix: REDIS_PREFIX,
    createClient: () => {
      const client = new RedisClient(url, { connectionName: identifier });
      // ioredis reconnects by itself; without a listener it would print every failure.
      client.on('error', (err: Error) => log.warn({ error: err.message, redis: redactUrl(url) }, 'Redis connection error'));
      clients.push(client);
      return withHandledPublishes(client);
    },
  });
  // Redlock (the extension's store lock) emits 'error' for every failed lock command, and with no
  // listener that emit throws inside a promise callback: an unhandled rejection that kills the
  // process, e.g. when ioredis gives up on a queued lock command after ~10 s without Redis. A lock
  // it cannot take only skips a store cocrea does not rely on; connection errors are logged above.
  extension.redlock.on('error', () => undefined);
  resyncAfterReconnect(extension, log);
  // Two more connections of our own for lock changes: a subscribed connection can do nothing else.
  const lockPublisher = new RedisClient(url, { connectionName: `${identifier}:locks` });
  const lockSubscriber = new RedisClient(url, { connectionName: `${identifier}:locks-sub` });
  for (const c of [lockPublisher, lockSubscriber]) {
    c.on('error', (err: Error) => log.warn({ error: err.message, redis: redactUrl(url) }, 'Redis connection error'));
    clients.push(c);
  }
  const relay: RedisRelay = {
    extension,
    publishLocks: (names) => {
      lockPublisher.publish(LOCKS_CHANNEL, JSON.stringify({ from: identifier, names })).catch((err: unknown) => {
        // The others still find out: the store refuses their writes and they re-read the locks.
        log.warn({ err, names }, 'could not tell other instances about a lock change');
      });
    },
    onLocks: () => {},
    close: () => close(),
  };
  lockSubscriber.on('message', (channel: string, message: string) => {
    if (channel !== LOCKS_CHANNEL) return;
    let event;
    try {
      event = lockEventSchema.parse(JSON.parse(message));
    } catch {
      return;
    }
    if (event.from !== identifier) relay.onLocks(event.names);
  });
  // Lock changes published while this instance was cut off from Redis are lost: once its
  // subscriber is back, re-read the lock state of every loaded document.
  let lockSubscribedBefore = false;
  lockSubscriber.on('ready', () => {
    if (lockSubscribedBefore) relay.onLocks([...extension.instance.documents.keys()]);
    lockSubscribedBefore = true;
  });
  const close = (): void => {
    // `onDestroy` cancels pending publishes synchronously, then QUITs through Redlock, which
    // never settles once a connection is down; so it is not awaited, and both connections are
    // closed right away (what was already written still goes out).
    void extension.onDestroy().catch(() => undefined);
    for (const c of clients) c.disconnect(false);
  };

  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      Promise.all([...clients.filter((c) => c !== lockSubscriber).map((c) => c.ping()), lockSubscriber.subscribe(LOCKS_CHANNEL)]),
      new Promise((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`Redis did not answer at ${redactUrl(url)} within ${CONNECT_TIMEOUT_MS / 1000} s`)), CONNECT_TIMEOUT_MS);
      }),
    ]);
  } catch (err) {
    close();
    throw err;
  } finally {
    clearTimeout(timer);
  }
  log.info({ redis: redactUrl(url), instance: identifier }, 'relaying documents between instances through Redis');
  return relay;
}
