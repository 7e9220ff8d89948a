import type { RequestHandler, Response } from 'express';
import { TokenError, type CollabTokens } from '../auth/collabTokens';
import { allows, type DenialCode, type MesaScope, type RestAction } from '../auth/policy';
import { colorFor, type AccountPrincipal, type Principal } from '../auth/principal';
import { digest, SESSION_COOKIE } from '../auth/secrets';
import type { AccountRepository, MemberRepository, ParticipantRepository } from '../storage/AccessStorage';
import type { MesaRecord } from '../storage/Storage';
import { HttpError, httpErrors } from './errors';

/** Why there is no principal although credentials were sent. */
type CredentialProblem = TokenError['problem'] | 'account-token' | 'revoked';

/** What {@link authenticate} leaves in `res.locals`. */
export interface AuthLocals {
  principal?: Principal;
  /** How the principal authenticated: only cookie requests need the CSRF token. */
  via?: 'cookie' | 'bearer';
  /** The session's CSRF token (cookie requests). */
  csrfToken?: string;
  credentialProblem?: CredentialProblem;
}

/** The authentication part of `res.locals`. */
export const authOf = (res: Response): AuthLocals => res.locals as AuthLocals;

/** What {@link authenticate} reads. */
export interface AuthenticateDeps {
  tokens: CollabTokens;
  accounts: AccountRepository;
  participants: ParticipantRepository;
}

/**
 * Works out who is calling. `Authorization: Bearer <token>` (a participant's collaboration token)
 * always wins over the `cocrea_session` cookie; a bad Bearer token never falls back to the cookie.
 * The participation or session is looked up on every request, so an ended one stops working
 * at once. Nothing is refused here: routes decide with {@link Gate}.
 */
export function authenticate({ tokens, accounts, participants }: AuthenticateDeps): RequestHandler {
  return async (req, res, next) => {
    const locals = authOf(res);
    const header = req.get('authorization');
    if (header !== undefined) {
      locals.via = 'bearer';
      try {
        const claims = await tokens.verify(/^Bearer\s+(\S+)$/i.exec(header)?.[1]);
        // Accounts use their session on REST; their collaboration tokens are for the WebSocket.
        if (claims.role !== 'participant') locals.credentialProblem = 'account-token';
        else {
          const p = await participants.get(claims.id);
          if (!p || p.mesaId !== claims.mesaId) locals.credentialProblem = 'revoked';
          else locals.principal = { kind: 'participant', id: p.id, name: p.name, color: colorFor(p.id), role: 'participant', mesaId: p.mesaId };
        }
      } catch (err) {
        if (!(err instanceof TokenError)) throw err;
        locals.credentialProblem = err.problem;
      }
      next();
      return;
    }
    const sid: unknown = (req.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
    if (typeof sid === 'string' && sid.length > 0) {
      const found = await accounts.session(digest(sid), new Date().toISOString());
      if (found) {
        const { account, session } = found;
        locals.principal = {
          kind: 'account',
          id: account.id,
          name: account.name,
          color: colorFor(account.id),
          role: account.role,
          email: account.email,
          sessionId: session.idHash,
        };
        locals.via = 'cookie';
        locals.csrfToken = session.csrfToken;
      }
    }
    next();
  };
}

const UNAUTHENTICATED: Record<CredentialProblem | 'none', string> = {
  none: 'Inicia sesión o únete a la mesa para continuar.',
  missing: 'Inicia sesión o únete a la mesa para continuar.',
  invalid: 'Tu acceso no es válido: vuelve a unirte a la mesa.',
  expired: 'Tu sesión expiró: vuelve a unirte a la mesa.',
  'account-token': 'Ese token es solo para la colaboración en vivo: usa tu sesión.',
  revoked: 'Tu acceso a la mesa ya no es válido: vuelve a unirte.',
};

/** The HTTP answer to a policy denial. */
export function denialError(denial: DenialCode, res: Response): HttpError {
  switch (denial) {
    case 'unauthenticated':
      return new HttpError(401, 'unauthorized', UNAUTHENTICATED[authOf(res).credentialProblem ?? 'none']);
    case 'wrong_mesa':
      return httpErrors.wrongMesa();
    case 'mesa_closed':
      return httpErrors.mesaClosed();
    case 'forbidden':
      return httpErrors.forbidden();
  }
}

/**
 * Applies auth/policy.ts to a request: the principal when the action is allowed, otherwise a
 * 401 (nobody identified) or 403. Routes call it before reading a body or changing anything, so
 * a refused request writes nothing.
 */
export class Gate {
  constructor(private readonly members: MemberRepository) {}

  /** The principal, if `action` (a row without `own` cells for this role) is allowed. */
  check(res: Response, action: RestAction): Principal {
    const p = authOf(res).principal;
    const d = allows(p, action);
    if (!d.ok) throw denialError(d.denial, res);
    return p as Principal;
  }

  /** The principal, if `action` on `mesa` is allowed. */
  async checkMesa(res: Response, action: RestAction, mesa: MesaRecord): Promise<Principal> {
    const p = authOf(res).principal;
    const d = allows(p, action, p ? await this.scope(p, mesa) : undefined);
    if (!d.ok) throw denialError(d.denial, res);
    return p as Principal;
  }

  /** The signed-in account (cookie session), whatever its role; 401/403 otherwise. */
  account(res: Response): AccountPrincipal {
    const p = this.check(res, 'auth.session');
    if (p.kind !== 'account') throw httpErrors.forbidden();
    return p;
  }

  /** How `p` stands towards `mesa`, for the policy. */
  async scope(p: Principal, mesa: MesaRecord): Promise<MesaScope> {
    return { id: mesa.id, status: mesa.status, member: p.role === 'expert' && (await this.members.isMember(mesa.id, p.id)) };
  }
}
