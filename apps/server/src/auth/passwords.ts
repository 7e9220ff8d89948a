import crypto from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(crypto.scrypt) as (password: crypto.BinaryLike, salt: crypto.BinaryLike, keylen: number, options: crypto.ScryptOptions) => Promise<Buffer>;

/** scrypt cost: N = 2^ln, block size r, parallelism p. */
export interface ScryptParams {
  ln: number;
  r: number;
  p: number;
}

/**
 * OWASP's "N=2^16, r=8, p=2" tier (64 MiB per hash, about a quarter of a second on a small
 * server). The parameters travel inside every stored hash, so raising them later keeps old
 * hashes verifiable.
 */
export const DEFAULT_SCRYPT: ScryptParams = { ln: 16, r: 8, p: 2 };

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
const FORMAT = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

/** Node refuses scrypt above 32 MiB unless told otherwise; allow twice what the parameters need. */
const maxmemFor = ({ ln, r }: ScryptParams): number => 2 * 128 * r * 2 ** ln + 1024 * 1024;

const b64 = (b: Buffer): string => b.toString('base64').replace(/=+$/, '');

/**
 * Hashes a password into a self-describing PHC-style string:
 * `$scrypt$ln=16,r=8,p=2$<salt>$<hash>` (unpadded base64). Asynchronous: it runs on libuv's
 * thread pool and never blocks the event loop.
 */
export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  const salt = crypto.randomBytes(SALT_LENGTH);
  const hash = await scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { N: 2 ** params.ln, r: params.r, p: params.p, maxmem: maxmemFor(params) });
  return `$scrypt$ln=${params.ln},r=${params.r},p=${params.p}$${b64(salt)}$${b64(hash)}`;
}

/**
 * Whether `password` matches `stored` (made by {@link hashPassword}), compared in constant time.
 * A malformed or absurdly expensive stored string never matches.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const m = FORMAT.exec(stored);
  if (!m) return false;
  const params: ScryptParams = { ln: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  if (params.ln < 1 || params.ln > 20 || params.r < 1 || params.r > 32 || params.p < 1 || params.p > 16) return false;
  const salt = Buffer.from(m[4] as string, 'base64');
  const expected = Buffer.from(m[5] as string, 'base64');
  if (expected.length < 16) return false;
  const actual = await scrypt(password.normalize('NFC'), salt, expected.length, { N: 2 ** params.ln, r: params.r, p: params.p, maxmem: maxmemFor(params) });
  return crypto.timingSafeEqual(actual, expected);
}

let dummy: Promise<string> | undefined;

/**
 * Spends the time a real verification would, for a sign-in whose email has no account: the
 * answer's timing must not tell which emails exist.
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummy ??= hashPassword('cocrea: no such account');
  await verifyPassword(password, await dummy);
  return false;
}
