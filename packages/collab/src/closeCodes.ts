/**
 * How the collaboration endpoint refuses things. Hocuspocus multiplexes documents over one
 * socket, so a refused *document* is answered with an authentication message carrying one of
 * {@link DenialReason} (the provider emits `authenticationFailed` with it); a refused *socket*
 * is closed with one of {@link CloseCode}. Both lists are documented in docs/collaboration.md.
 */
export const CloseCode = {
  /** A single message exceeded `MAX_MESSAGE_BYTES` (WebSocket standard code). */
  MessageTooBig: 1009,
  /** The server is shutting down; reconnect later (WebSocket standard "going away"). */
  GoingAway: 1001,
  /** The socket's first document was refused: no valid token. Reconnecting with the same token is pointless. */
  Unauthorized: 4401,
  /**
   * The token is valid but its holder may not do this (any more): access was revoked, the mesa
   * was closed, or an update broke a rule. The reason says which; reconnecting will not help.
   */
  Forbidden: 4403,
  /** A frame could not be decoded or violated the protocol. */
  ResetConnection: 4205,
  /** No message arrived within the server's timeout, or the first document was not authenticated in time. */
  ConnectionTimeout: 4408,
  /**
   * A document would grow past its size quota (`MAX_DOCUMENT_BYTES`): the update was refused and
   * not stored. Reconnecting resends the same update and is refused again; the person is told in
   * Spanish that the document is full.
   */
  DocumentTooLarge: 4413,
  /**
   * An update broke a content rule of its document (a text longer than its limit, a value of the
   * wrong type): refused and not stored. The reason names the rule (`invalid:<rule>`).
   */
  InvalidContent: 4422,
  /**
   * The connection spent more than its budget (update bytes or messages per second, presence
   * messages per second): nothing of the offending message was applied. Reconnecting is allowed.
   */
  RateLimited: 4429,
} as const;

/** One of cocrea's documented close codes. */
export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode];

/** Reasons sent with a refused document (Hocuspocus `permission-denied`). */
export const DenialReason = {
  /** No token was sent, or it is not a cocrea token. */
  MissingToken: 'missing-token',
  /** The token's signature does not verify, or it is malformed. */
  InvalidToken: 'invalid-token',
  /** The token has expired: ask `POST /api/mesas/:id/join` for a new one. */
  ExpiredToken: 'expired-token',
  /** The token is valid but for another mesa. */
  WrongMesa: 'wrong-mesa',
  /** The document name is not one of cocrea's (see documentNames). */
  UnknownDocument: 'unknown-document',
  /** The mesa no longer exists. */
  UnknownMesa: 'unknown-mesa',
  /** The holder's role may not open this document (see docs/permissions.md). */
  Forbidden: 'forbidden',
  /** The mesa was closed: participants are refused (staff still read). */
  MesaClosed: 'mesa-closed',
  /** The session, participation or mesa membership the token names has ended. */
  Revoked: 'revoked',
} as const;

/** One of cocrea's documented denial reasons. */
export type DenialReasonValue = (typeof DenialReason)[keyof typeof DenialReason];
