import fs from 'node:fs';
import path from 'node:path';
import cookieParser from 'cookie-parser';
import express, { type Express } from 'express';
import type { Registry } from 'prom-client';
import type { Logger } from '../logger';
import { accountRoutes } from './accountRoutes';
import { auditRoutes } from './auditRoutes';
import { authenticate } from './auth';
import { authRoutes } from './authRoutes';
import { commitmentRoutes, mesaCommitmentRoutes, type CommitmentRoutesDeps } from './commitmentRoutes';
import { csrfProtection } from './csrf';
import { apiNotFound, errorHandler } from './errors';
import { invitationRoutes } from './invitationRoutes';
import { joinRoutes } from './joinRoutes';
import { mesaRoutes, type MesaRoutesDeps } from './mesaRoutes';
import { refuseNulCharacter } from './nulCharacter';
import { pamRoutes, publicPamRoutes, type PamRoutesDeps } from './pamRoutes';
import { exerciseRoutes, exerciseUploadRoutes, type ExerciseRoutesDeps } from './exerciseRoutes';
import { kitRoutes } from './kitRoutes';
import { planRecordRoutes } from './planRecordRoutes';
import { publicExerciseRoutes } from './publicExerciseRoutes';
import { metricsRoute } from './metricsRoute';
import { securityHeaders } from './securityHeaders';
import { refuseSourceMaps } from './sourceMaps';

/** What the HTTP app needs. */
export interface AppDeps extends MesaRoutesDeps, CommitmentRoutesDeps, PamRoutesDeps, ExerciseRoutesDeps {
  log: Logger;
  maxBodyBytes: number;
  /** Express' `trust proxy` (config `TRUST_PROXY`). */
  trustProxy: string;
  webDist: string;
  health: () => Record<string, unknown>;
  metrics: Registry;
  /** Bearer token `/metrics` requires (config `METRICS_TOKEN`); unset, `/metrics` is 404. */
  metricsToken?: string | undefined;
}

/** The Express app: `/healthz`, the REST API under `/api` (see docs/api.md), and the built web app at `/`. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // Whose X-Forwarded-For/-Proto to believe: client IPs (rate limits) and https come from them.
  app.set('trust proxy', /^\d+$/.test(deps.trustProxy) ? Number(deps.trustProxy) : deps.trustProxy);
  app.use(securityHeaders(deps.sessions.secure));

  app.get('/healthz', (_req, res) => {
    // `status: 'degraded'` (e.g. saving stalled) answers 503, so a load balancer or probe notices.
    const body = { status: 'ok', ...deps.health() };
    res.status(body.status === 'ok' ? 200 : 503).json(body);
  });

  app.get('/metrics', metricsRoute(deps.metrics, deps.metricsToken));

  const api = express.Router();
  api.use(express.json({ limit: deps.maxBodyBytes, type: ['application/json', 'application/*+json'] }));
  api.use((req, _res, next) => {
    // A body must be JSON; a form post or a text body is a client error, not an empty object.
    // Actions like finalize carry no body at all (`Content-Length: 0`).
    const hasBody = req.get('transfer-encoding') !== undefined || Number(req.get('content-length') ?? 0) > 0;
    if (hasBody && !req.is(['application/json', 'application/*+json'])) {
      next(Object.assign(new Error('unsupported media type'), { status: 415 }));
      return;
    }
    next();
  });
  api.use(refuseNulCharacter);
  api.use(cookieParser());
  api.use(authenticate(deps));
  api.use(csrfProtection(deps.publicUrl));
  api.use('/auth', authRoutes(deps));
  api.use('/invitations', invitationRoutes(deps));
  api.use('/accounts', accountRoutes(deps));
  api.use('/audit', auditRoutes(deps));
  api.use('/mesas', joinRoutes(deps));
  api.use('/mesas', mesaRoutes(deps));
  api.use('/mesas/:mesaId', mesaCommitmentRoutes(deps));
  api.use('/commitments', commitmentRoutes(deps));
  api.use('/pams', pamRoutes(deps));
  api.use('/public/pams', publicPamRoutes(deps));
  // The year-long exercise (issue 6; docs/api-exercise.md).
  api.use('/exercises', exerciseRoutes(deps));
  api.use('/pams', planRecordRoutes(deps));
  api.use('/mesas/:mesaId/kit', kitRoutes(deps));
  api.use('/public/exercises', publicExerciseRoutes(deps));
  api.use(apiNotFound);
  // File uploads are raw bytes, not JSON: their own parser, ahead of the JSON-only /api router.
  app.use('/api/exercises', exerciseUploadRoutes(deps));
  app.use('/api', api);

  const index = path.join(deps.webDist, 'index.html');
  if (fs.existsSync(index)) {
    app.use(refuseSourceMaps);
    app.use(express.static(deps.webDist, { index: false, maxAge: '1h' }));
    // Client-side routes (/mesas/:id …) all serve the app shell.
    app.get(/^\/(?!api\/|collab$|metrics$|healthz$).*/, (_req, res) => {
      res.sendFile(index);
    });
  } else {
    deps.log.warn({ webDist: deps.webDist }, 'web app not built; run `npm run build` to serve it at /');
  }

  app.use(errorHandler(deps.log));
  return app;
}
