import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { httpErrors } from './errors';

/** How many requests each limited route takes per client IP and window (config: `RATE_LIMIT_*`). */
export interface RateLimitSettings {
  windowSeconds: number;
  signIn: number;
  join: number;
  invitations: number;
}

/** The limiters, one per kind of route, each with its own count. */
export interface RateLimits {
  /** `POST /api/auth/sign-in`: failed attempts only, so signing in now and then never locks anyone out. */
  signIn: RequestHandler;
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
  return { signIn: limiter(s.signIn, true), join: limiter(s.join), invitations: limiter(s.invitations) };
}
