import crypto from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** A short, unguessable, URL-safe id (≈ 70 bits), readable aloud: no 0/O/1/l/I. */
export function newId(length = 12): string {
  const bytes = crypto.randomBytes(length);
  let s = '';
  for (const b of bytes) s += ALPHABET[b % ALPHABET.length];
  return s;
}
