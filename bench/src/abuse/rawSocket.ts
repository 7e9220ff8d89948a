import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';

/** Hocuspocus message types (the outer envelope of every frame). */
export const MessageType = { Sync: 0, Awareness: 1, Auth: 2 } as const;
/** y-protocols sync sub-types. */
export const SyncType = { Step1: 0, Step2: 1, Update: 2 } as const;

/** One Hocuspocus frame: document name, message type, then the body `write` appends. */
export function frame(documentName: string, type: number, write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, documentName);
  encoding.writeVarUint(e, type);
  write(e);
  return encoding.toUint8Array(e);
}

/** The authentication frame a provider sends first for a document (`token` sub-type 0). */
export function authFrame(documentName: string, token: string): Uint8Array {
  return frame(documentName, MessageType.Auth, (e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarString(e, token);
  });
}

/** A sync update frame carrying `update` (what a provider sends for a local edit). */
export function updateFrame(documentName: string, update: Uint8Array): Uint8Array {
  return frame(documentName, MessageType.Sync, (e) => {
    encoding.writeVarUint(e, SyncType.Update);
    encoding.writeVarUint8Array(e, update);
  });
}

/** An awareness frame announcing `count` clients starting at `firstId`, each with `state`. */
export function awarenessFrame(documentName: string, firstId: number, count: number, clock: number, state: unknown): Uint8Array {
  const json = JSON.stringify(state);
  return frame(documentName, MessageType.Awareness, (e) => {
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, count);
    for (let i = 0; i < count; i++) {
      encoding.writeVarUint(inner, firstId + i);
      encoding.writeVarUint(inner, clock);
      encoding.writeVarString(inner, json);
    }
    encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  });
}

/** Opens a raw WebSocket from `localAddress`; resolves once open, rejects on an HTTP refusal (e.g. 429). */
export function openRaw(url: string, localAddress: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { localAddress });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => {
      reject(new Error(`HTTP ${res.statusCode}`));
      ws.terminate();
    });
    ws.once('error', reject);
  });
}

/** Sends and waits until the socket's buffer has drained (the attacker sends as fast as TCP lets it). */
export function sendDrained(ws: WebSocket, data: Uint8Array): Promise<void> {
  return new Promise((resolve) => {
    if (ws.readyState !== WebSocket.OPEN) {
      resolve();
      return;
    }
    ws.send(data, () => resolve());
  });
}
