import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { z } from 'zod';
import type { Logger } from '../logger';

/** Stable error codes of the REST API; clients switch on these, people read `message`. */
export type ApiErrorCode =
  | 'validation_failed'
  | 'invalid_json'
  | 'body_too_large'
  | 'unsupported_media_type'
  | 'mesa_not_found'
  | 'commitment_not_found'
  | 'plan_not_found'
  | 'version_not_found'
  | 'not_found'
  | 'unauthorized'
  | 'forbidden'
  | 'csrf'
  | 'wrong_mesa'
  | 'mesa_closed'
  | 'join_closed'
  | 'invalid_credentials'
  | 'wrong_password'
  | 'weak_password'
  | 'account_disabled'
  | 'account_exists'
  | 'account_not_found'
  | 'self_change_refused'
  | 'invitation_gone'
  | 'invitation_not_found'
  | 'rate_limited'
  | 'transition_refused'
  | 'roadmap_incomplete'
  // The year-long exercise (http/exerciseErrors.ts).
  | 'exercise_not_found'
  | 'publication_incomplete'
  | 'progress_refused'
  | 'record_refused'
  | 'file_refused'
  // The export pool (http/sendExport.ts).
  | 'export_busy'
  | 'export_timeout'
  | 'internal';

/** An error that becomes an HTTP response with a Spanish message for a person. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** Error factories, so every route says the same thing the same way. */
export const httpErrors = {
  mesaNotFound: () => new HttpError(404, 'mesa_not_found', 'No existe esa mesa. Revisa el enlace.'),
  notFound: () => new HttpError(404, 'not_found', 'No encontramos lo que buscas.'),
  commitmentNotFound: () => new HttpError(404, 'commitment_not_found', 'No existe ese compromiso.'),
  planNotFound: () => new HttpError(404, 'plan_not_found', 'No existe ese Plan de Acción Municipal.'),
  versionNotFound: () => new HttpError(404, 'version_not_found', 'No existe esa versión del compromiso.'),
  transition: (message: string) => new HttpError(409, 'transition_refused', message),
  forbidden: () => new HttpError(403, 'forbidden', 'No tienes permiso para hacer esto.'),
  wrongMesa: () => new HttpError(403, 'wrong_mesa', 'Tu token es de otra mesa.'),
  mesaClosed: () => new HttpError(403, 'mesa_closed', 'La mesa está cerrada: ya no admite participantes ni sus cambios.'),
  csrf: () => new HttpError(403, 'csrf', 'No pudimos verificar esta solicitud. Recarga la página e intenta de nuevo.'),
  rateLimited: () => new HttpError(429, 'rate_limited', 'Demasiados intentos. Espera unos minutos y vuelve a intentar.'),
  roadmapIncomplete: (missing: string[]) =>
    new HttpError(422, 'roadmap_incomplete', `La hoja de ruta está incompleta: faltan ${missing.length} elementos.`, { missing }),
  validation: (err: z.ZodError) =>
    new HttpError(
      400,
      'validation_failed',
      // The same rule broken in several fields reads once; `details` names each field.
      [...new Set(err.issues.map((i) => i.message))].join(' '),
      err.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
    ),
};

/** Parses `value` with `schema` or throws a 400 naming every problem. */
export function parseBody<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const r = schema.safeParse(value ?? {});
  if (!r.success) throw httpErrors.validation(r.error);
  return r.data;
}

/** 404 for unknown API routes (the web app's own routes fall through to index.html). */
export const apiNotFound: RequestHandler = (_req, _res, next) => next(httpErrors.notFound());

interface BodyParserError {
  type?: string;
  status?: number;
}

/** Turns any error into `{ error: { code, message, details? } }` — the one place it happens. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    let e: HttpError;
    if (err instanceof HttpError) e = err;
    else {
      const bp = err as BodyParserError;
      if (bp.type === 'entity.too.large') e = new HttpError(413, 'body_too_large', 'La solicitud es demasiado grande.');
      else if (bp.type === 'entity.parse.failed') e = new HttpError(400, 'invalid_json', 'El cuerpo de la solicitud no es JSON válido.');
      else if (typeof bp.status === 'number' && bp.status >= 400 && bp.status < 500) {
        e = new HttpError(bp.status, 'validation_failed', 'La solicitud no es válida.');
      } else {
        // An invitation link's token is in its path: never log it.
        const url = req.originalUrl.replace(/(\/invitations\/)[^/?]+/, '$1[oculto]');
        log.error({ err, method: req.method, url }, 'unhandled error');
        e = new HttpError(500, 'internal', 'Algo falló en el servidor. Intenta de nuevo.');
      }
    }
    res.status(e.status).json({ error: { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) } });
  };
}
