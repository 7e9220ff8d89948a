import * as encoding from 'lib0/encoding';

/**
 * Hocuspocus frames as a raw client sends them, for tests that speak the wire protocol without a
 * provider: the document's name, the message type, then its body.
 */
export const MessageType = { Sync: 0, Awareness: 1, Auth: 2 } as const;

/** One frame for `documentName`: its message type and body are written by `write`. */
export function frame(documentName: string, write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, documentName);
  write(e);
  return encoding.toUint8Array(e);
}

/** The token message a provider sends first for a document. */
export const authFrame = (documentName: string, token: string): Uint8Array =>
  frame(documentName, (e) => {
    encoding.writeVarUint(e, MessageType.Auth);
    encoding.writeVarUint(e, 0);
    encoding.writeVarString(e, token);
  });

/** A sync update carrying `update`. */
export const updateFrame = (documentName: string, update: Uint8Array): Uint8Array =>
  frame(documentName, (e) => {
    encoding.writeVarUint(e, MessageType.Sync);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, update);
  });

/** An awareness frame with `[clientId, clock, state]` entries (a new client's first clock must be above 0). */
export function awarenessFrame(documentName: string, entries: readonly [number, number, unknown][]): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, entries.length);
  for (const [id, clock, state] of entries) {
    encoding.writeVarUint(update, id);
    encoding.writeVarUint(update, clock);
    encoding.writeVarString(update, JSON.stringify(state));
  }
  return frame(documentName, (e) => {
    encoding.writeVarUint(e, MessageType.Awareness);
    encoding.writeVarUint8Array(e, encoding.toUint8Array(update));
  });
}
