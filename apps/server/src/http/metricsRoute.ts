import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Registry } from 'prom-client';
import { HttpError, httpErrors } from './errors';

const sha256 = (s: string): Buffer => createHash('sha256').update(s).digest();

/**
 * `GET /metrics` for a Prometheus scraper holding `token` (`Authorization: Bearer <token>`,
 * config `METRICS_TOKEN`). Without a configured token the route does not exist (404): metrics
 * name documents, connection counts and timings nobody outside operations should read. A wrong
 * or missing token is 401. Both sides are hashed first, so the comparison takes the same time
 * whatever was sent and never tells the token's length.
 */
export function metricsRoute(registry: Registry, token: string | undefined): RequestHandler {
  const expected = token === undefined ? undefined : sha256(token);
  return async (req, res, next) => {
    if (!expected) {
      next(httpErrors.notFound());
      return;
    }
    const sent = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1] ?? '';
    if (!timingSafeEqual(sha256(sent), expected)) {
      res.set('WWW-Authenticate', 'Bearer realm="metrics"');
      next(new HttpError(401, 'unauthorized', 'Las métricas piden el token de METRICS_TOKEN (Authorization: Bearer …).'));
      return;
    }
    res.type(registry.contentType).send(await registry.metrics());
  };
}
