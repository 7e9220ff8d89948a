import pg from 'pg';
import type { Storage } from '../Storage';
import { migrate, SCHEMA_NAME } from './migrations';
import { PgAccountRepository, PgAuditLog, PgInvitationRepository, PgMemberRepository, PgParticipantRepository } from './PgAccessRepositories';
import { PgActionPlanRepository } from './PgActionPlanRepository';
import { PgCommitmentRepository } from './PgCommitmentRepository';
import { PgDocumentStore } from './PgDocumentStore';
import { PgExerciseRepository } from './PgExerciseRepository';
import { PgFileRepository } from './PgFileRepository';
import { PgKitRepository } from './PgKitRepository';
import { PgPlanRecordRepository } from './PgPlanRecordRepository';
import { PgMesaRepository } from './PgMesaRepository';

/** How to open PostgreSQL storage. */
export interface PostgresStorageOptions {
  /**
   * Keep every table in this schema (created if missing) instead of the default search path:
   * lets tests, or several deployments, share one database. Lower-case letters, digits and `_`.
   */
  schema?: string;
  /** Most connections in the pool (default 10). */
  maxConnections?: number;
  /**
   * Told when an idle pooled connection fails (say the server restarted). Not fatal: the pool
   * drops that connection and the next query opens a new one.
   */
  onIdleError?: (err: Error) => void;
}

/** {@link Storage} on PostgreSQL through one connection pool. */
export class PostgresStorage implements Storage {
  readonly kind = 'postgres' as const;
  readonly documents: PgDocumentStore;
  readonly mesas: PgMesaRepository;
  readonly commitments: PgCommitmentRepository;
  readonly plans: PgActionPlanRepository;
  readonly accounts: PgAccountRepository;
  readonly invitations: PgInvitationRepository;
  readonly members: PgMemberRepository;
  readonly participants: PgParticipantRepository;
  readonly audit: PgAuditLog;
  readonly exercises: PgExerciseRepository;
  readonly files: PgFileRepository;
  readonly kits: PgKitRepository;
  readonly planRecords: PgPlanRecordRepository;
  private closing: Promise<void> | undefined;

  constructor(private readonly pool: pg.Pool) {
    this.documents = new PgDocumentStore(pool);
    this.mesas = new PgMesaRepository(pool);
    this.commitments = new PgCommitmentRepository(pool);
    this.plans = new PgActionPlanRepository(pool);
    this.accounts = new PgAccountRepository(pool);
    this.invitations = new PgInvitationRepository(pool);
    this.members = new PgMemberRepository(pool);
    this.participants = new PgParticipantRepository(pool);
    this.audit = new PgAuditLog(pool);
    this.exercises = new PgExerciseRepository(pool);
    this.files = new PgFileRepository(pool);
    this.kits = new PgKitRepository(pool);
    this.planRecords = new PgPlanRecordRepository(pool);
  }

  /** Waits for queries in flight, then closes every connection; calling it again does nothing. */
  close(): Promise<void> {
    this.closing ??= this.pool.end();
    return this.closing;
  }
}

/**
 * Connects to `url`, migrates the database (or `options.schema`) and returns the storage. With a
 * schema, every pooled connection starts with `search_path` set to it alone.
 */
export async function openPostgresStorage(url: string, options: PostgresStorageOptions = {}): Promise<PostgresStorage> {
  const { schema, maxConnections = 10, onIdleError = () => undefined } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(`invalid PostgreSQL schema name "${schema}": use lower-case letters, digits and _`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: maxConnections,
    // A server that stops answering (a network partition, not a refused connection) must not
    // stall the update log forever: the write fails, is retried, and "Guardado" waits.
    connectionTimeoutMillis: 10_000,
    query_timeout: 60_000,
    ...(schema !== undefined ? { options: `-c search_path=${schema}` } : {}),
  });
  pool.on('error', onIdleError);
  try {
    const client = await pool.connect();
    try {
      await migrate(client, schema);
    } finally {
      client.release();
    }
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw err;
  }
  return new PostgresStorage(pool);
}
