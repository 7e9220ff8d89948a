import { createHash } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { normalizeEmail } from '../storage/AccessStorage';
import { BoundedWindowStore } from './BoundedWindowStore';
import { HttpError, httpErrors } from './errors';

/**
 * How many accounts (emails typed at sign-in, existing or not) the per-account count remembers
 * at once; beyond it the oldest window is forgotten. The per-IP limit runs first, so filling it
 * takes this many failed attempts from many addresses.
 */
export const SIGN_IN_ACCOUNTS_TRACKED = 100_000;

/** How many requests each limited route takes per client IP and window (config: `RATE_LIMIT_*`). */
export interface RateLimitSettings {
  windowSeconds: number;
  signIn: number;
  /** Failed sign-ins per account (the email typed) and window, from any IP. */
  signInAccount: number;
  join: number;
  invitations: number;
}

/** The limiters, one per kind of route, each with its own count. */
export interface RateLimits {
  /** `POST /api/auth/sign-in`: failed attempts only, so signing in now and then never locks anyone out. */
  signIn: RequestHandler;
  /**
   * `POST /api/auth/sign-in` again, counted per email (normalized) whatever the IP: failed
   * attempts only; once over, even the right password gets 429 until the window ends. Unknown
   * emails are counted the same way, so the answer never tells which accounts exist.
   */
  signInAccount: RequestHandler;
  /** `POST /api/mesas/:id/join`: joins and token renewals (a room behind one NAT shares the count). */
  join: RequestHandler;
  /** `POST /api/invitations` and `POST /api/invitations/:token/accept`. */
  invitations: RequestHandler;
}

/**
 * Limiters keyed by client IP (`req.ip`, which honours X-Forwarded-For only from the proxies
 * `TRUST_PROXY` names; behind any other proxy every client would share one count). Counts live in memory, per instance. Over the limit: `429
 * rate_limited` through the usual error handler, and `RateLimit`/`Retry-After` headers.
 */
export function createRateLimits(s: RateLimitSettings): RateLimits {
  const limiter = (limit: number, skipSuccessfulRequests = false): RequestHandler =>
    rateLimit({
      windowMs: s.windowSeconds * 1000,
      limit,
      skipSuccessfulRequests,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      handler: (_req, _res, next) => next(httpErrors.rateLimited()),
    });
  const signInAccount = rateLimit({
    windowMs: s.windowSeconds * 1000,
    limit: s.signInAccount,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // A body without an email is refused as invalid before anything is checked: nothing to count.
    skip: (req) => emailOf(req) === undefined,
    // A digest, not the address: the count needs no email kept in memory, and keys are short.
    keyGenerator: (req) => createHash('sha256').update(emailOf(req) ?? '').digest('base64url').slice(0, 22),
    store: new BoundedWindowStore(SIGN_IN_ACCOUNTS_TRACKED, 'account:'),
    handler: (_req, _res, next) => next(accountRateLimited()),
  });
  return { signIn: limiter(s.signIn, true), signInAccount, join: limiter(s.join), invitations: limiter(s.invitations) };
}

/** The normalized email of a sign-in body, if it has one. */
function emailOf(req: Request): string | undefined {
  const email: unknown = (req.body as Record<string, unknown> | undefined)?.email;
  return typeof email === 'string' && email.trim().length > 0 ? normalizeEmail(email) : undefined;
}

/** Too many failed sign-ins with one email: says nothing about whether it has an account. */
const accountRateLimited = () =>
  new HttpError(429, 'rate_limited', 'Demasiados intentos fallidos con este correo. Por seguridad, espera unos minutos antes de volver a intentar.');
