import path from 'node:path';
import { z } from 'zod';

const int = (def: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(def);

/**
 * Every environment variable the server reads, with its default. The README's table and the
 * docker files must list exactly these (a test checks the README).
 */
export const configSchema = z.object({
  PORT: int(3000, 0, 65535),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'debe ser una URL postgres://usuario@host:puerto/base')
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'debe ser una URL redis://host:puerto')
    .optional(),
  PUBLIC_URL: z.url().optional(),
  TRUST_PROXY: z
    .string()
    .regex(/^[A-Za-z0-9.:/, _-]+$/, 'debe ser loopback, uniquelocal, una lista de subredes o un número de saltos')
    .default('loopback'),
  AUTH_SECRET: z.string().min(32, 'debe tener al menos 32 caracteres').optional(),
  TOKEN_TTL_SECONDS: int(900, 30, 86_400),
  SESSION_TTL_HOURS: int(12, 1, 24 * 30),
  RATE_LIMIT_WINDOW_SECONDS: int(900, 1, 86_400),
  RATE_LIMIT_SIGN_IN: int(10, 1, 100_000),
  RATE_LIMIT_SIGN_IN_ACCOUNT: int(10, 1, 100_000),
  RATE_LIMIT_JOIN: int(300, 1, 100_000),
  RATE_LIMIT_INVITATIONS: int(20, 1, 100_000),
  MAX_MESSAGE_BYTES: int(1_048_576, 1024, 64 * 1_048_576),
  MAX_BODY_BYTES: int(65_536, 1024, 16 * 1_048_576),
  /** Open collaboration WebSockets per client IP (a room behind one NAT shares an IP); more get 429. */
  MAX_SOCKETS_PER_IP: int(200, 1, 1_000_000),
  /** Open collaboration WebSockets in all; more get 503. */
  MAX_SOCKETS: int(10_000, 1, 10_000_000),
  /** Seconds a WebSocket may stay open without authenticating a document (then closed with 4408). */
  WS_AUTH_TIMEOUT_SECONDS: int(10, 1, 3600),
  WS_CONNECTS_PER_SECOND: int(20, 1, 100_000),
  /** Bytes a second one WebSocket may send, sustained (burst: four times, at least MAX_MESSAGE_BYTES). */
  WS_BYTES_PER_SECOND: int(1_048_576, 1024, 1024 * 1_048_576),
  /** Messages a second one WebSocket may send, sustained (burst: four times). */
  WS_MESSAGES_PER_SECOND: int(200, 1, 1_000_000),
  /** Presence (awareness) messages a second one WebSocket may send, sustained (burst: twice). */
  WS_AWARENESS_PER_SECOND: int(30, 1, 100_000),
  /** Largest presence state (its JSON) one client may publish. */
  AWARENESS_MAX_STATE_BYTES: int(4096, 256, 1_048_576),
  MAX_DOCUMENT_BYTES: int(8 * 1_048_576, 16_384, 1024 * 1_048_576),
  SQLITE_SYNCHRONOUS: z.enum(['FULL', 'NORMAL']).default('FULL'),
  COMPACT_AFTER_UPDATES: int(500, 1, 1_000_000),
  /** Seconds a flush may wait for the disk before its client is told `save-stalled` and `/healthz` answers 503. */
  SAVE_STALL_SECONDS: int(5, 1, 3600),
  // Empty counts as unset (compose's `${METRICS_TOKEN:-}`): /metrics is then disabled.
  METRICS_TOKEN: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(16, 'debe tener al menos 16 caracteres').optional()),
  /** Worker threads rendering PDF, DOCX and tree pictures at once (off the event loop). */
  EXPORT_PROCESSES: int(1, 1, 16),
  /** Exports waiting for a thread; one more gets 503. */
  EXPORT_QUEUE: int(8, 0, 1000),
  /** Budget of one export, waiting included; past it the render is cancelled and gets 503. */
  EXPORT_TIMEOUT_SECONDS: int(30, 1, 600),
  /** Seconds an idle export thread lives before it exits and returns its memory. */
  EXPORT_IDLE_SECONDS: int(30, 1, 3600),
  /** Memory for files of finalized versions, rendered once and then served from it. */
  EXPORT_CACHE_MB: int(32, 0, 4096),
  WEB_DIST: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** The server's validated configuration. */
export type Config = z.output<typeof configSchema> & { dataDir: string; webDist: string };

/** Names of every variable in {@link configSchema}. */
export const CONFIG_VARIABLES = Object.keys(configSchema.shape);

/** Raised when the environment does not describe a server that can start. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Parses the environment once at start-up; a bad value names the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Configuración inválida:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  if (c.REDIS_URL && !c.DATABASE_URL) {
    // Each instance would write its own SQLite file: relayed edits would be durable nowhere else.
    throw new ConfigError(
      'Configuración inválida:\n  REDIS_URL: requiere DATABASE_URL (varias instancias deben compartir una base PostgreSQL; cada una tendría su propio archivo SQLite)',
    );
  }
  return {
    ...c,
    dataDir: path.resolve(c.DATA_DIR),
    webDist: path.resolve(c.WEB_DIST ?? path.join(import.meta.dirname, '../../web/dist')),
  };
}
