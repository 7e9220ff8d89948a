import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Latency buckets from 0.5 ms to 5 s: group commits are ~ms, an outage is seconds. */
const BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** The server's Prometheus metrics, served at `/metrics`. */
export interface Metrics {
  registry: Registry;
  /** Updates written to the durable log. */
  updates: Counter;
  /** Seconds one group commit took, and how many updates it carried. */
  durableWrite: Histogram;
  batchSize: Histogram;
  /** Seconds from an update's arrival to its durable write (what "Guardado" waits for). */
  ackLatency: Histogram;
  /** Errors by kind: durable_write, compaction, malformed_update, auth_denied. */
  errors: Counter<'kind'>;
}

/**
 * Creates the registry. `connections` and `documents` are read when scraped, so they are exact
 * without any bookkeeping on the hot path.
 */
export function createMetrics(read: { connections: () => number; documents: () => number; pendingWrites: () => number }): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'cocrea_' });
  new Gauge({ name: 'cocrea_connections', help: 'Open collaboration connections', registers: [registry], collect() { this.set(read.connections()); } });
  new Gauge({ name: 'cocrea_documents_loaded', help: 'Shared documents loaded in memory', registers: [registry], collect() { this.set(read.documents()); } });
  new Gauge({ name: 'cocrea_durable_pending', help: 'Updates waiting for a durable write', registers: [registry], collect() { this.set(read.pendingWrites()); } });
  return {
    registry,
    updates: new Counter({ name: 'cocrea_updates_total', help: 'Updates written to the durable log', registers: [registry] }),
    durableWrite: new Histogram({ name: 'cocrea_durable_write_seconds', help: 'Duration of one group commit', buckets: BUCKETS, registers: [registry] }),
    batchSize: new Histogram({ name: 'cocrea_durable_batch_size', help: 'Updates per group commit', buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500], registers: [registry] }),
    ackLatency: new Histogram({ name: 'cocrea_ack_latency_seconds', help: 'Arrival of an update to its durable write', buckets: BUCKETS, registers: [registry] }),
    errors: new Counter({ name: 'cocrea_errors_total', help: 'Errors by kind', labelNames: ['kind'], registers: [registry] }),
  };
}
