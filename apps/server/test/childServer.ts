import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { seedTestAdmin, TEST_METRICS_TOKEN, TEST_RATE_LIMITS } from './harness';

const MAIN = path.resolve(import.meta.dirname, '../src/main.ts');

/** How much of the child's output is kept for failure messages. */
const OUTPUT_TAIL_BYTES = 64 * 1024;

/** A cocrea server in its own process, so a test can SIGKILL it. */
export interface ChildServer {
  url: string;
  child: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
  /** The last {@link OUTPUT_TAIL_BYTES} of its stderr and of its log (stdout), for failure messages. */
  output(): string;
}

/** Keeps the last `max` characters written to it. */
class Tail {
  private text = '';
  constructor(private readonly max: number) {}
  push(chunk: string): void {
    this.text += chunk;
    if (this.text.length > 2 * this.max) this.text = this.text.slice(-this.max);
  }
  toString(): string {
    return this.text.slice(-this.max);
  }
}

/**
 * Runs `body`; if it throws, the error message gains the child servers' output (a crash's stack
 * is on stderr, the reason for a failed write in the log), so a failure under load says why.
 */
export async function withServerOutput<T>(servers: () => readonly ChildServer[], body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (err) {
    const out = servers()
      .map((s, i) => `--- server ${i} (${s.url}, exit ${s.child.exitCode ?? s.child.signalCode ?? 'running'}) ---\n${s.output()}`)
      .join('\n');
    if (err instanceof Error) err.message += `\n${out}`;
    throw err;
  }
}

/**
 * Starts `apps/server/src/main.ts` with tsx on a free port; resolves once it listens. Its storage
 * gets the harness' TEST_ADMIN first, so `createMesa(url)` works against it.
 */
export async function startChildServer(env: Record<string, string>): Promise<ChildServer> {
  await seedTestAdmin({ DATA_DIR: env.DATA_DIR, DATABASE_URL: env.DATABASE_URL });
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', METRICS_TOKEN: TEST_METRICS_TOKEN, ...TEST_RATE_LIMITS, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // Kept for the whole life of the process, not only start-up: a crash later must say why.
  const stderr = new Tail(OUTPUT_TAIL_BYTES);
  const stdout = new Tail(OUTPUT_TAIL_BYTES);
  child.stderr?.on('data', (d: Buffer) => stderr.push(d.toString()));
  const output = () => `stderr:\n${stderr.toString()}\nlog:\n${stdout.toString()}`;
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      stdout.push(`${line}\n`);
      try {
        const entry = JSON.parse(line) as { msg?: string; url?: string };
        if (entry.msg === 'cocrea listening' && entry.url) resolve({ url: entry.url, child, exited, output });
      } catch {
        // not a log line
      }
    });
    void exited.then((code) => reject(new Error(`server exited (${code}) before listening: ${output()}`)));
  });
}
