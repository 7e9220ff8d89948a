import type { Request, RequestHandler } from 'express';
import { sameSecret } from '../auth/secrets';
import { authOf } from './auth';
import { httpErrors } from './errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether an `Origin` header names this site: the origin of `PUBLIC_URL`, or the one the
 * request was addressed to. Loopback to loopback is let through too, so the development proxy
 * (Vite on :5173 in front of the server on :3000) keeps working; nobody else is on loopback.
 */
export function originAllowed(origin: string, req: Request, publicUrl: string | undefined): boolean {
  let o: URL;
  try {
    o = new URL(origin);
  } catch {
    return false;
  }
  if (publicUrl && o.origin === new URL(publicUrl).origin) return true;
  const host = req.get('host');
  if (!host) return false;
  if (o.origin === `${req.protocol}://${host}`) return true;
  const hostname = new URL(`http://${host}`).hostname;
  return LOOPBACK.has(o.hostname) && LOOPBACK.has(hostname);
}

/**
 * Cross-site request forgery: an unsafe method authenticated by the session cookie must carry
 * the session's CSRF token in `X-CSRF-Token` (compared in constant time). Every unsafe request
 * that does not authenticate with a Bearer token (which a browser never attaches by itself) is
 * also refused when its `Origin` is another site: that covers sign-in and invitation acceptance,
 * which have no session yet. Runs after `authenticate`.
 */
export function csrfProtection(publicUrl: string | undefined): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const auth = authOf(res);
    if (auth.via === 'bearer') return next();
    const origin = req.get('origin');
    if (origin !== undefined && !originAllowed(origin, req, publicUrl)) return next(httpErrors.csrf());
    if (auth.via === 'cookie' && !sameSecret(req.get('x-csrf-token'), auth.csrfToken)) return next(httpErrors.csrf());
    next();
  };
}
