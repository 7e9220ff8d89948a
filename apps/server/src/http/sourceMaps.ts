import type { RequestHandler } from 'express';
import { httpErrors } from './errors';

/**
 * 404 for any `*.map` path: a source map left in the web build would publish the readable
 * source, and without this the app-shell fallback would answer it with index.html (200).
 */
export const refuseSourceMaps: RequestHandler = (req, _res, next) => {
  next(req.path.toLowerCase().endsWith('.map') ? httpErrors.notFound() : undefined);
};
