import type { Server as HttpServer } from 'node:http';
import type { Hocuspocus, WebSocketLike } from '@hocuspocus/server';
import crossws from 'crossws/adapters/node';
import type { Logger } from '../logger';
import type { CollabContext, SocketHandle } from './context';

/** Where the collaboration WebSocket listens. */
export const COLLAB_PATH = '/collab';

interface ConnectionLike {
  handleMessage(data: Uint8Array): void;
  handleClose(event?: { code: number; reason: string }): void;
}

/**
 * Serves Hocuspocus (library mode) on the app's own HTTP server at {@link COLLAB_PATH}, through
 * crossws as Hocuspocus' own `Server` does. Frames above `maxPayload` close the socket with 1009.
 */
export function attachWebSocket(server: HttpServer, hocuspocus: Hocuspocus, maxPayload: number, log: Logger, onSocketClosed?: (socket: SocketHandle) => void) {
  const connections = new WeakMap<object, ConnectionLike>();
  const handles = new WeakMap<object, SocketHandle>();
  const ws = crossws({
    serverOptions: { maxPayload },
    hooks: {
      open(peer) {
        const socket: SocketHandle = {
          authenticated: 0,
          close: (code, reason) => {
            socket.closed = true;
            peer.close(code, reason);
          },
        };
        const context: CollabContext = { socket };
        const conn = hocuspocus.handleConnection(peer.websocket as unknown as WebSocketLike, peer.request, context);
        connections.set(peer, conn);
        handles.set(peer, socket);
      },
      message(peer, message) {
        connections.get(peer)?.handleMessage(message.uint8Array());
      },
      close(peer, event) {
        connections.get(peer)?.handleClose({ code: event.code ?? 1005, reason: event.reason ?? '' });
        connections.delete(peer);
        const socket = handles.get(peer);
        if (socket) {
          socket.closed = true;
          onSocketClosed?.(socket);
        }
        handles.delete(peer);
      },
      error(peer, error) {
        log.warn({ err: error, peer: peer.id }, 'websocket error');
      },
    },
  });

  server.on('upgrade', (req, socket, head) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (pathname !== COLLAB_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    void ws.handleUpgrade(req, socket, head);
  });

  return {
    /** Closes every socket with `code` (1001 at shutdown, so clients reconnect elsewhere). */
    closeAll: (code: number, reason: string) => ws.closeAll(code, reason),
  };
}
