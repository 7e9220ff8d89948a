import type { Extension, onAuthenticatePayload } from '@hocuspocus/server';
import { CloseCode, DenialReason, parseDocumentName, type DenialReasonValue } from '@cocrea/collab';
import { TokenError, type CollabTokens } from '../auth/collabTokens';
import type { Logger } from '../logger';
import type { MesaRepository } from '../storage/Storage';
import type { CollabContext } from './context';
import type { DocumentLocks } from './DocumentLocks';

const TOKEN_DENIALS: Record<TokenError['problem'], DenialReasonValue> = {
  missing: DenialReason.MissingToken,
  invalid: DenialReason.InvalidToken,
  expired: DenialReason.ExpiredToken,
};

/**
 * The one place a socket is let into a document: checks the document name, the token's signature
 * and expiry, and that the token's mesa is the document's mesa. A refused document gets
 * Hocuspocus' `permission-denied` with a {@link DenialReason}; a socket with no document let in
 * is then closed with {@link CloseCode.Unauthorized}.
 */
export class AuthenticationExtension implements Extension {
  readonly extensionName = 'cocrea-authentication';
  readonly priority = 1000;

  constructor(
    private readonly tokens: CollabTokens,
    private readonly mesas: MesaRepository,
    private readonly locks: DocumentLocks,
    private readonly log: Logger,
  ) {}

  async onAuthenticate({ token, documentName, context, connectionConfig }: onAuthenticatePayload<CollabContext>): Promise<Partial<CollabContext>> {
    const deny = (reason: DenialReasonValue): never => {
      this.log.info({ documentName, reason }, 'document refused');
      // After Hocuspocus has sent permission-denied for this document.
      setImmediate(() => {
        if (context.socket.authenticated === 0) context.socket.close(CloseCode.Unauthorized, reason);
      });
      throw Object.assign(new Error(reason), { reason });
    };

    const address = parseDocumentName(documentName);
    if (!address) return deny(DenialReason.UnknownDocument);
    let principal;
    try {
      principal = await this.tokens.verify(token);
    } catch (err) {
      if (err instanceof TokenError) return deny(TOKEN_DENIALS[err.problem]);
      throw err;
    }
    if (principal.mesaId !== address.mesaId) return deny(DenialReason.WrongMesa);
    if (!(await this.mesas.get(address.mesaId))) return deny(DenialReason.UnknownMesa);
    // A finalized commitment's documents are read for everyone and written by no one.
    connectionConfig.readOnly = await this.locks.isLocked(documentName);
    context.socket.authenticated++;
    return { principal };
  }
}
