import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import { Redis as RedisClient } from 'ioredis';
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
  /** Closes both Redis connections (publisher and subscriber) at once. */
  close(): void;
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
      return client;
    },
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
      Promise.all(clients.map((c) => c.ping())),
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
  return { extension, close };
}
