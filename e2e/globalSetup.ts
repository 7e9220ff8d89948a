import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADMIN } from './tests/staff';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Creates the first administrator with the admin CLI, on the data directory the server under
 * test uses (the CLI works whether or not the server is running), as an operator would.
 */
export default function globalSetup(): void {
  const dataDir = process.env.COCREA_E2E_DATA_DIR;
  if (!dataDir) throw new Error('COCREA_E2E_DATA_DIR is not set (see playwright.config.ts)');
  const run = spawnSync('npm', ['run', '--silent', 'admin', '--', 'create', '--email', ADMIN.email, '--name', ADMIN.name, '--password-stdin'], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    input: `${ADMIN.password}\n`,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (run.status !== 0) throw new Error(`npm run admin -- create failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
}
