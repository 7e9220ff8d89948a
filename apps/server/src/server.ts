import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Hocuspocus, type Document } from '@hocuspocus/server';
import { CloseCode } from '@cocrea/collab';
import { createAccess } from './access';
import { CollabTokens } from './auth/collabTokens';
import { attachWebSocket, COLLAB_PATH } from './collab/attachWebSocket';
import type { TrustFn } from './collab/SocketAdmission';
import { socketBudget } from './collab/SocketGuard';
import { AnnotationGuard } from './collab/AnnotationGuard';
import { AuthenticationExtension } from './collab/AuthenticationExtension';
import { ContentGuard } from './collab/ContentGuard';
import { createRedisExtension, instanceIdentifier, type RedisRelay } from './collab/createRedisExtension';
import { DocumentCompactor } from './collab/DocumentCompactor';
import { MergeThread } from './collab/MergeThread';
import { DocumentAccess } from './collab/DocumentAccess';
import { DocumentLocks } from './collab/DocumentLocks';
import { DurableLogExtension } from './collab/DurableLogExtension';
import type { Config } from './config';
import { ExportRenderer } from './exports/ExportRenderer';
import { createApp } from './http/app';
import type { Logger } from './logger';
import { ExerciseAudit } from './services/ExerciseAudit';
import { createExerciseServices } from './services/exerciseServices';
import { CommitmentService } from './services/CommitmentService';

import { DurableUpdateLog } from './storage/DurableUpdateLog';
import { createMetrics } from './metrics';
import { openStorage } from './storage/openStorage';

/** A running cocrea server. */
export interface CocreaServer {
  /** `http://host:port` it listens on. */
  url: string;
  port: number;
  /** This instance's name among its peers (Redis identifier), also in `/healthz`. */
  instance: string;
  hocuspocus: Hocuspocus;
  /** The export pool (PDF, DOCX, tree pictures rendered in worker threads). */
  exports: ExportRenderer;
  /** Resolves once every pending durable write and compaction is done (tests compare stored state). */
  settled(): Promise<void>;
  /** Stops accepting, tells clients to reconnect, makes everything durable, closes Redis and storage. */
  close(): Promise<void>;
}

/** `/healthz`'s verdict on saving: `ok`, or `degraded` with the reason. */
function healthOf(stall: string | null): { status: 'ok' } | { status: 'degraded'; reason: string } {
  return stall === null ? { status: 'ok' } : { status: 'degraded', reason: stall };
}

/**
 * Builds and starts the whole server on one HTTP port: REST under `/api`, the collaboration
 * WebSocket at `/collab`, the built web app at `/`. Every extension is assembled here.
 */
export async function startServer(config: Config, log: Logger): Promise<CocreaServer> {
  const storage = await openStorage(config, log);
  const instance = instanceIdentifier();
  // Several instances: Redis relays updates and awareness; the log and snapshots stay in the
  // shared PostgreSQL (config refuses REDIS_URL without DATABASE_URL).
  let redis: RedisRelay | undefined;
  if (config.REDIS_URL) {
    if (!config.AUTH_SECRET) log.warn('REDIS_URL without AUTH_SECRET: each instance signs tokens with its own key unless they share DATA_DIR');
    try {
      redis = await createRedisExtension(config.REDIS_URL, instance, log);
    } catch (err) {
      await storage.close();
      throw err;
    }
  }
  const { mesas, documents, commitments, plans: planStore } = storage;
  const updateLog = new DurableUpdateLog(documents, log);
  const mergeThread = new MergeThread();
  const compactor = new DocumentCompactor(documents, config.COMPACT_AFTER_UPDATES, log, (doc, onBad) => mergeThread.merge(doc, onBad));
  updateLog.onCommitted = (counts) => compactor.committed(counts);
  // Gauges read Hocuspocus when scraped; it exists by then.
  const metrics = createMetrics({
    connections: () => hocuspocus.getConnectionsCount(),
    documents: () => hocuspocus.getDocumentsCount(),
    pendingWrites: () => updateLog.pendingCount,
  });
  updateLog.onAttempt = (seconds, size, ok) => {
    if (!ok) {
      metrics.errors.inc({ kind: 'durable_write' });
      return;
    }
    metrics.durableWrite.observe(seconds);
    metrics.batchSize.observe(size);
    metrics.updates.inc(size);
  };
  const tokens = CollabTokens.fromConfig(config.AUTH_SECRET, config.dataDir, config.TOKEN_TTL_SECONDS);
  const startedAt = Date.now();
  // Hocuspocus needs the extensions and the extensions need its documents: a late-bound getter
  // (only called once requests arrive, long after `hocuspocus` is initialized).
  const docs: DocumentAccess = new DocumentAccess((): ReadonlyMap<string, Document> => hocuspocus.documents, documents);
  const locks = new DocumentLocks(commitments, docs, documents, updateLog, log);
  if (redis) {
    const relay = redis;
    locks.peers = { publish: (names) => relay.publishLocks(names) };
    relay.onLocks = (names) => locks.refresh(names);
  }
  const access = createAccess(storage, config, docs, locks, log);
  const exercise = createExerciseServices(storage);

  const hocuspocus = new Hocuspocus({
    name: 'cocrea',
    quiet: true,
    // Durability does not ride on Hocuspocus' debounced store: the log is written before ack.
    debounce: 2000,
    maxDebounce: 10000,
    extensions: [
      new AuthenticationExtension({ tokens, mesas, commitments, locks, log, ...access }),
      new ContentGuard(config.MAX_DOCUMENT_BYTES, log, metrics),
      new AnnotationGuard(log, metrics),
      new DurableLogExtension(updateLog, compactor, log, metrics, (name) => locks.refused(name), config.SAVE_STALL_SECONDS * 1000),
      ...(redis ? [redis.extension] : []),
    ],
  });

  const exportRenderer = new ExportRenderer({
    processes: config.EXPORT_PROCESSES,
    queue: config.EXPORT_QUEUE,
    timeoutMs: config.EXPORT_TIMEOUT_SECONDS * 1000,
    idleMs: config.EXPORT_IDLE_SECONDS * 1000,
    cacheBytes: config.EXPORT_CACHE_MB * 1_048_576,
  });
  const app = createApp({
    ...access,
    exports: exportRenderer,
    docs,
    mesas,
    tokens,
    commitments,
    service: new CommitmentService(mesas, commitments, docs, locks),
    // The PAM service checks an exercise's STM approvals before publishing (issue 6).
    plans: exercise.plans,
    exercise,
    exerciseAudit: new ExerciseAudit(storage.audit),
    planStore,
    publicUrl: config.PUBLIC_URL,
    log,
    maxBodyBytes: config.MAX_BODY_BYTES,
    trustProxy: config.TRUST_PROXY,
    metrics: metrics.registry,
    metricsToken: config.METRICS_TOKEN,
    webDist: config.webDist,
    health: () => ({
      // Degraded (503) while writes wait past SAVE_STALL_SECONDS or the store stopped confirming.
      ...healthOf(updateLog.stallReason(config.SAVE_STALL_SECONDS * 1000)),
      instance,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      documents: hocuspocus.getDocumentsCount(),
      connections: hocuspocus.getConnectionsCount(),
      pendingWrites: updateLog.pendingCount,
    }),
  });
  const server = http.createServer(app);
  const socketLimits = {
    maxPayload: config.MAX_MESSAGE_BYTES,
    maxPerIp: config.MAX_SOCKETS_PER_IP,
    maxTotal: config.MAX_SOCKETS,
    connectsPerSecond: config.WS_CONNECTS_PER_SECOND,
    authTimeoutMs: config.WS_AUTH_TIMEOUT_SECONDS * 1000,
    budget: socketBudget(config),
    // The same client IP as REST rate limits: Express' compiled `trust proxy`.
    trust: app.get('trust proxy fn') as TrustFn,
  };
  const sockets = attachWebSocket(server, hocuspocus, socketLimits, log, (socket) => access.sockets.forget(socket));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  const url = `http://${host}:${port}`;
  log.info({ url, collab: `${url.replace('http', 'ws')}${COLLAB_PATH}`, storage: storage.kind, dataDir: config.dataDir, instance }, 'cocrea listening');

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      server.close();
      sockets.closeAll(CloseCode.GoingAway, 'server shutting down');
      server.closeAllConnections();
      await updateLog.drain();
      await Promise.all([...hocuspocus.documents.keys()].map((name) => compactor.compactSoon(name)));
      await compactor.idle();
      await mergeThread.close();
      redis?.close();
      await exportRenderer.close();
      await storage.close();
      try {
        log.info('cocrea stopped; everything acknowledged is on disk');
      } catch {
        // stdout may be gone already (see main.ts); the work above is what matters
      }
    })());

  const settled = async () => {
    await updateLog.drain();
    await compactor.idle();
  };
  return { url, port, instance, hocuspocus, exports: exportRenderer, settled, close };
}
