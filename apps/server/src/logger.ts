import { pino, type Logger } from 'pino';

/**
 * Keys whose values never reach a log, at any of the first three levels of a logged object
 * (pino's redaction matches paths, not names anywhere): credentials, secrets, session ids and
 * the headers that carry them.
 */
const SECRET_KEYS = [
  'password',
  'passwordHash',
  'password_hash',
  'token',
  'tokenHash',
  'token_hash',
  'secret',
  'renewal',
  'renewalHash',
  'csrfToken',
  'csrf_token',
  'sessionId',
  'idHash',
  'id_hash',
  'cookie',
  'authorization',
];

/** Header names that need bracket notation; they only ever appear inside `headers`. */
const SECRET_HEADERS = ['x-csrf-token', 'set-cookie'];

/** Every redacted path: `key`, `*.key` and `*.*.key` for each of {@link SECRET_KEYS}, and the headers. */
export const REDACTED_PATHS = [
  ...SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]),
  ...SECRET_HEADERS.flatMap((h) => [`*["${h}"]`, `*.*["${h}"]`]),
];

/** The server's structured logger; passwords, tokens, cookies and session ids are redacted wherever they appear. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, base: { service: 'cocrea' }, redact: { paths: REDACTED_PATHS, censor: '[oculto]' } }, destination);
}

export type { Logger };
