import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3999);
// Set once by the runner and inherited by its workers (the config is loaded in each of them):
// the server, the global setup's admin CLI and the tests all use the same data directory.
process.env.COCREA_E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'cocrea-e2e-'));
const dataDir = process.env.COCREA_E2E_DATA_DIR;

/**
 * e2e against the real server (built web app, fresh SQLite file) in Debian's Chromium. The
 * global setup creates the first administrator with `npm run admin -- create`; every other
 * account is invited by it (see `tests/staff.ts`).
 * Never `npx playwright install`: the browser comes from `apt-get install chromium`.
 */
export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  globalSetup: './globalSetup.ts',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node --import tsx ../apps/server/src/main.ts',
    url: `http://127.0.0.1:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      // Every actor's invitation and acceptance comes from 127.0.0.1: lift the per-IP limit.
      RATE_LIMIT_INVITATIONS: '1000',
      RATE_LIMIT_JOIN: '10000',
    },
  },
});
