import { loadConfig, ConfigError } from '../config';
import { createLogger } from '../logger';
import { openStorage } from '../storage/openStorage';
import { AdminError, runAdmin } from './adminCommands';

/**
 * `npm run admin -- create|list`: the first administrator, and a look at who has an account,
 * straight on the configured storage (see adminCommands.ts).
 */

/** Reads everything piped into stdin; the password is its first line. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return (Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '');
}

/** Asks on the terminal without echoing what is typed. */
function askHidden(question: string): Promise<string> {
  const { stdin, stderr } = process;
  if (!stdin.isTTY) return Promise.reject(new AdminError('No hay terminal para pedir la contraseña: usa --password-stdin.'));
  stderr.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  let value = '';
  return new Promise((resolve, reject) => {
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          finish();
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          finish();
          reject(new AdminError('Cancelado.'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function password(fromStdin: boolean): Promise<string> {
  if (fromStdin) return readStdin();
  const first = await askHidden('Contraseña (10 caracteres o más): ');
  const again = await askHidden('Repítela: ');
  if (first !== again) throw new AdminError('Las contraseñas no coinciden.');
  return first;
}

try {
  const config = loadConfig();
  await runAdmin(process.argv.slice(2), () => openStorage(config, createLogger('silent')), { out: (t) => process.stdout.write(t), password });
} catch (err) {
  if (err instanceof AdminError || err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(err instanceof AdminError ? err.code : 78);
  }
  throw err;
}
