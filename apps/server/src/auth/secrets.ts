import crypto from 'node:crypto';

/** Name of the session cookie (HttpOnly, SameSite=Lax; see docs/api-accounts.md). */
export const SESSION_COOKIE = 'cocrea_session';

/** A fresh unguessable secret: 256 bits, base64url (session ids, CSRF tokens, invitation and renewal secrets). */
export function newSecret(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/**
 * SHA-256 (hex) of a secret: what the database keeps instead of it. High-entropy secrets need no
 * salt or slow hash: nobody can guess one from its digest.
 */
export function digest(secret: string): string {
  return crypto.createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Whether two secrets are equal, in time that does not depend on where they differ (or their lengths). */
export function sameSecret(a: string | undefined | null, b: string | undefined | null): boolean {
  if (typeof a !== 'string' || typeof b !== 'string' || a.length === 0 || b.length === 0) return false;
  const x = crypto.createHash('sha256').update(a, 'utf8').digest();
  const y = crypto.createHash('sha256').update(b, 'utf8').digest();
  return crypto.timingSafeEqual(x, y);
}
