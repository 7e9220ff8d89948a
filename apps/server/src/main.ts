import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { startServer } from './server';

/** Entry point: `npm start` (after building the web app) or `tsx apps/server/src/main.ts`. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
  const log = createLogger(config.LOG_LEVEL);
  const server = await startServer(config, log);
  let stopping = false;
  // Logging must never stand between a signal and a clean shutdown: with stdout a closed pipe
  // (a supervisor gone), writing a log line throws EPIPE.
  const safely = (write: () => void) => {
    try {
      write();
    } catch {
      // nowhere left to report to
    }
  };
  process.stdout.on('error', () => undefined);
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    const closing = server.close();
    safely(() => log.info({ signal }, 'shutting down'));
    closing.then(
      () => process.exit(0),
      (err: unknown) => {
        safely(() => log.error({ err }, 'shutdown failed'));
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`cocrea no pudo arrancar: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
