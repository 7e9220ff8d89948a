import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, startTestServer, TEST_PASSWORD } from './harness';

const run = promisify(execFile);
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe('docs/examples/read-tree.mjs (written from docs/collaboration.md alone)', () => {
  it('signs in, creates a mesa over REST, joins, connects and reads the tree', async () => {
    const script = path.resolve(import.meta.dirname, '../../../docs/examples/read-tree.mjs');
    const facilitator = await signedIn(server, 'facilitator');
    const env = { ...process.env, COCREA_EMAIL: facilitator.account.email, COCREA_PASSWORD: TEST_PASSWORD };
    const { stdout } = await run(process.execPath, [script, server.url], { timeout: 30_000, env });
    expect(stdout).toMatch(/^mesa [A-Za-z0-9]+ \(Mesa de ejemplo\)$/m);
    expect(stdout).toContain('problem: Baja calidad del agua');
  });
});
