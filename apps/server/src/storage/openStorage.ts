import type { Config } from '../config';
import type { Logger } from '../logger';
import { openPostgresStorage } from './postgres/PostgresStorage';
import { openSqliteStorage } from './sqlite/SqliteStorage';
import type { Storage } from './Storage';

/** PostgreSQL when `DATABASE_URL` is set, otherwise the SQLite file in `DATA_DIR`. */
export function openStorage(config: Config, log: Logger): Promise<Storage> {
  if (config.DATABASE_URL) {
    // An idle pooled connection dropping (PostgreSQL restarting) is not fatal: the pool reconnects.
    return openPostgresStorage(config.DATABASE_URL, { onIdleError: (err) => log.warn({ err }, 'idle PostgreSQL connection lost') });
  }
  return openSqliteStorage(config.dataDir, config.SQLITE_SYNCHRONOUS);
}
