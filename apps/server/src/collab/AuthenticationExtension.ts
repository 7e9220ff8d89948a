import type { Extension, onAuthenticatePayload, onDisconnectPayload } from '@hocuspocus/server';
import { CloseCode, DenialReason, parseDocumentName, type DenialReasonValue } from '@cocrea/collab';
import { TokenError, type CollabClaims, type CollabTokens } from '../auth/collabTokens';
import { documentAccess, type DenialCode } from '../auth/policy';
import { colorFor, type Principal } from '../auth/principal';
import type { Logger } from '../logger';
import type { AccountRepository, MemberRepository, ParticipantRepository } from '../storage/AccessStorage';
import type { CommitmentRepository, MesaRepository } from '../storage/Storage';
import type { CollabContext } from './context';
import type { DocumentLocks } from './DocumentLocks';
import type { PrincipalSockets } from './PrincipalSockets';
import { RefusalLog } from './RefusalLog';

const TOKEN_DENIALS: Record<TokenError['problem'], DenialReasonValue> = {
  missing: DenialReason.MissingToken,
  invalid: DenialReason.InvalidToken,
  expired: DenialReason.ExpiredToken,
};

const POLICY_DENIALS: Record<DenialCode, DenialReasonValue> = {
  unauthenticated: DenialReason.MissingToken,
  wrong_mesa: DenialReason.WrongMesa,
  mesa_closed: DenialReason.MesaClosed,
  forbidden: DenialReason.Forbidden,
};

/** What authentication looks up. */
export interface AuthenticationDeps {
  tokens: CollabTokens;
  mesas: MesaRepository;
  /** To check a roadmap's commitment exists and belongs to its mesa. */
  commitments: Pick<CommitmentRepository, 'get'>;
  members: MemberRepository;
  accounts: AccountRepository;
  participants: ParticipantRepository;
  locks: DocumentLocks;
  sockets: PrincipalSockets;
  log: Logger;
}

/**
 * Documents one socket may be refused before it is closed with 4429 `too-many-refusals`. A client
 * opens at most three documents of its mesa; a socket asking for name after name would make the
 * server verify tokens and look up mesas for nothing (docs/limits.md).
 */
export const MAX_REFUSED_DOCUMENTS = 8;

/**
 * The one place a socket is let into a document. Checks the document name (and that it names a
 * document that exists: a roadmap of a commitment of that mesa), the token's
 * signature and expiry, that the token is for the document's mesa, that the session or
 * participation it names is still valid (and the account not disabled), and then asks
 * auth/policy.ts what the principal may do: write, read (`connectionConfig.readOnly`), or
 * nothing. A refused document gets Hocuspocus' `permission-denied` with a {@link DenialReason};
 * a socket with no document let in is then closed: {@link CloseCode.Unauthorized} when the
 * token itself is bad, {@link CloseCode.Forbidden} when its holder may not (any more).
 */
export class AuthenticationExtension implements Extension {
  readonly extensionName = 'cocrea-authentication';
  readonly priority = 1000;
  private readonly refusals: RefusalLog;

  constructor(private readonly deps: AuthenticationDeps) {
    this.refusals = new RefusalLog(deps.log);
  }

  async onAuthenticate({ token, documentName, context, connectionConfig }: onAuthenticatePayload<CollabContext>): Promise<Partial<CollabContext>> {
    const deny = (reason: DenialReasonValue, code: number = CloseCode.Unauthorized): never => {
      this.refusals.refused(documentName, reason);
      const refused = (context.socket.refused = (context.socket.refused ?? 0) + 1);
      // After Hocuspocus has sent permission-denied for this document.
      setImmediate(() => {
        if (refused > MAX_REFUSED_DOCUMENTS) context.socket.close(CloseCode.RateLimited, 'too-many-refusals');
        else if (context.socket.authenticated === 0) context.socket.close(code, reason);
      });
      // No message: Hocuspocus prints every failed hook's message to stderr, one line per refusal.
      throw Object.assign(new Error(), { reason });
    };

    // Frames already in flight when the socket was closed cost no look-up.
    if (context.socket.closed) throw Object.assign(new Error(), { reason: DenialReason.Revoked });
    const address = parseDocumentName(documentName);
    if (!address) return deny(DenialReason.UnknownDocument);
    let claims: CollabClaims;
    try {
      claims = await this.deps.tokens.verify(token);
    } catch (err) {
      if (err instanceof TokenError) return deny(TOKEN_DENIALS[err.problem]);
      throw err;
    }
    if (claims.mesaId !== address.mesaId) return deny(DenialReason.WrongMesa);

    // Admitted before anything is looked up: see PrincipalSockets.
    const grant = this.deps.sockets.admit({
      socket: context.socket,
      documentName,
      mesaId: address.mesaId,
      kind: claims.role === 'participant' ? 'participant' : 'account',
      principalId: claims.id,
      ...(claims.sessionId ? { sessionId: claims.sessionId } : {}),
    });
    try {
      const mesa = await this.deps.mesas.get(address.mesaId);
      if (!mesa) return deny(DenialReason.UnknownMesa);
      // A name that parses but names nothing (another mesa's commitment, an invented id) is
      // refused here, before Hocuspocus allocates a document for it.
      if (address.kind === 'roadmap') {
        const commitment = await this.deps.commitments.get(address.commitmentId ?? '');
        if (commitment?.mesaId !== mesa.id) return deny(DenialReason.UnknownDocument);
      }
      const principal = await this.principalOf(claims);
      if (!principal) return deny(DenialReason.Revoked, CloseCode.Forbidden);
      const member = principal.role === 'expert' && (await this.deps.members.isMember(mesa.id, principal.id));
      const access = documentAccess(principal, address.kind, { id: mesa.id, status: mesa.status, member }, false);
      if (typeof access !== 'string') return deny(POLICY_DENIALS[access.denial], CloseCode.Forbidden);
      // A finalized commitment's documents are read for everyone and written by no one.
      connectionConfig.readOnly = access !== 'write' || (await this.deps.locks.isLocked(documentName));
      // Revoked (or simply gone) while this was being looked up: load nothing for it.
      if (context.socket.closed) return deny(DenialReason.Revoked, CloseCode.Forbidden);
      context.socket.authenticated++;
      return { principal, access };
    } catch (err) {
      this.deps.sockets.release(grant);
      throw err;
    }
  }

  onDisconnect({ context, documentName }: onDisconnectPayload<CollabContext>): Promise<void> {
    this.deps.sockets.releaseDocument(context.socket, documentName);
    return Promise.resolve();
  }

  /** The principal a token names, if its session or participation is still valid. */
  private async principalOf(claims: CollabClaims): Promise<Principal | undefined> {
    if (claims.role === 'participant') {
      const p = await this.deps.participants.get(claims.id);
      if (!p || p.mesaId !== claims.mesaId) return undefined;
      return { kind: 'participant', id: p.id, name: p.name, color: colorFor(p.id), role: 'participant', mesaId: p.mesaId };
    }
    if (!claims.sessionId) return undefined;
    const found = await this.deps.accounts.session(claims.sessionId, new Date().toISOString());
    if (!found || found.account.id !== claims.id) return undefined;
    const { account } = found;
    // The account's role now, not the one in the token: a role change also closes its sockets.
    return { kind: 'account', id: account.id, name: account.name, color: colorFor(account.id), role: account.role, email: account.email, sessionId: found.session.idHash };
  }
}
