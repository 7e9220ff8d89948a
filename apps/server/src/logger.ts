import { pino, type Logger } from 'pino';

/** The server's structured logger; tokens and secrets are redacted wherever they appear. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'cocrea' },
    redact: { paths: ['token', '*.token', 'authorization', '*.authorization', 'secret', '*.secret'], censor: '[oculto]' },
  });
}

export type { Logger };
