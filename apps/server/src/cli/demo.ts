import { ConfigError, loadConfig } from '../config';
import { createLogger } from '../logger';
import { openStorage } from '../storage/openStorage';
import { runDemo } from './demoCommand';
import { DemoError } from './demoLoader';

/** `npm run demo`: the Metepec demo exercise into the configured storage (see demoCommand.ts). */

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

try {
  const config = loadConfig();
  await runDemo(process.argv.slice(2), () => openStorage(config, createLogger('silent')), { out: (t) => process.stdout.write(t), stdin: readStdin });
} catch (err) {
  if (err instanceof DemoError || err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(err instanceof DemoError ? 1 : 78);
  }
  throw err;
}
