import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { seedTestAdmin, TEST_RATE_LIMITS } from './harness';

const MAIN = path.resolve(import.meta.dirname, '../src/main.ts');

/** A cocrea server in its own process, so a test can SIGKILL it. */
export interface ChildServer {
  url: string;
  child: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
}

/**
 * Starts `apps/server/src/main.ts` with tsx on a free port; resolves once it listens. Its storage
 * gets the harness' TEST_ADMIN first, so `createMesa(url)` works against it.
 */
export async function startChildServer(env: Record<string, string>): Promise<ChildServer> {
  await seedTestAdmin({ DATA_DIR: env.DATA_DIR, DATABASE_URL: env.DATABASE_URL });
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...TEST_RATE_LIMITS, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      try {
        const entry = JSON.parse(line) as { msg?: string; url?: string };
        if (entry.msg === 'cocrea listening' && entry.url) resolve({ url: entry.url, child, exited });
      } catch {
        // not a log line
      }
    });
    void exited.then((code) => reject(new Error(`server exited (${code}) before listening: ${stderr}`)));
  });
}
