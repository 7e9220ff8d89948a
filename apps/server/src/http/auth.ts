import type { Request, RequestHandler, Response } from 'express';
import { TokenError, type CollabTokens } from '../auth/collabTokens';
import type { Principal } from '../auth/principal';
import { HttpError } from './errors';

/** Reads `Authorization: Bearer <token>` into `res.locals.principal` when present and valid. */
export function readPrincipal(tokens: CollabTokens): RequestHandler {
  return (req, res, next) => {
    const header = req.get('authorization');
    if (!header) return next();
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    tokens.verify(m?.[1]).then(
      (p) => {
        res.locals.principal = p;
        next();
      },
      (err: unknown) => {
        if (err instanceof TokenError) res.locals.tokenProblem = err.problem;
        next();
      },
    );
  };
}

/** The person making this request; 401 when there is none. */
export function principalOf(_req: Request, res: Response, mesaId?: string): Principal {
  const p = res.locals.principal as Principal | undefined;
  if (!p) {
    const expired = res.locals.tokenProblem === 'expired';
    throw new HttpError(
      401,
      'unauthorized',
      expired ? 'Tu sesión expiró: vuelve a unirte a la mesa.' : 'Únete a una mesa para hacer cambios (falta el token).',
    );
  }
  if (mesaId !== undefined && p.mesaId !== mesaId) throw new HttpError(403, 'wrong_mesa', 'Tu token es de otra mesa.');
  return p;
}
