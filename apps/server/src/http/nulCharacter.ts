import type { RequestHandler } from 'express';
import { HttpError } from './errors';

/** True when `value` (a parsed JSON body or a query) holds U+0000 in any string or key. */
export function holdsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (value === null || typeof value !== 'object' || depth > 64) return false;
  if (Array.isArray(value)) return value.some((v) => holdsNul(v, depth + 1));
  return Object.entries(value).some(([k, v]) => k.includes('\u0000') || holdsNul(v, depth + 1));
}

/**
 * Refuses U+0000 anywhere in a JSON body or the query string with a 400. JSON allows it, but
 * PostgreSQL's `text` cannot hold it, so it would otherwise fail as a 500 on PostgreSQL and be
 * stored on SQLite: no person types it, and no field of cocrea needs it.
 */
export const refuseNulCharacter: RequestHandler = (req, _res, next) => {
  if (holdsNul(req.body) || holdsNul(req.query) || req.path.includes('\u0000') || req.path.includes('%00')) {
    next(new HttpError(400, 'validation_failed', 'El texto contiene un carácter nulo (U+0000), que no se puede guardar.'));
    return;
  }
  next();
};
