import type { Server as HttpServer } from 'node:http';
import type { Hocuspocus, WebSocketLike } from '@hocuspocus/server';
import { CloseCode } from '@cocrea/collab';
import crossws from 'crossws/adapters/node';
import type { Logger } from '../logger';
import type { CollabContext, SocketHandle } from './context';
import { clientIpOf, refusalResponse, SocketAdmission, type TrustFn } from './SocketAdmission';
import { SocketGuard, type SocketBudget } from './SocketGuard';

/** Where the collaboration WebSocket listens. */
export const COLLAB_PATH = '/collab';

/** Reason of a socket closed because no document was authenticated in time. */
export const AUTH_TIMEOUT = 'authentication-timeout';

interface ConnectionLike {
  handleMessage(data: Uint8Array): void;
  handleClose(event?: { code: number; reason: string }): void;
}

/** The bounds of the collaboration endpoint (docs/limits.md, "Requests and sockets"). */
export interface SocketLimits {
  /** Largest frame (`MAX_MESSAGE_BYTES`); larger ones close the socket with 1009. */
  maxPayload: number;
  /** Open sockets per client IP (`MAX_SOCKETS_PER_IP`); more are refused with 429. */
  maxPerIp: number;
  /** Open sockets in all (`MAX_SOCKETS`); more are refused with 503. */
  maxTotal: number;
  /** New sockets per client IP and second (`WS_CONNECTS_PER_SECOND`, burst `maxPerIp`); faster ones get 429. */
  connectsPerSecond: number;
  /** A socket with no document authenticated after this long is closed with 4408 (`WS_AUTH_TIMEOUT_SECONDS`). */
  authTimeoutMs: number;
  /** What each socket may send (see SocketGuard). */
  budget: SocketBudget;
  /** Express' compiled `trust proxy`, so a socket's IP is the one REST rate limits see. */
  trust: TrustFn;
}

/**
 * Serves Hocuspocus (library mode) on the app's own HTTP server at {@link COLLAB_PATH}, through
 * crossws as Hocuspocus' own `Server` does. Every bound of one socket lives here, before
 * Hocuspocus sees anything: sockets per IP and in all (refused at upgrade), the handshake
 * timeout, and each frame through the socket's {@link SocketGuard}.
 */
export function attachWebSocket(server: HttpServer, hocuspocus: Hocuspocus, limits: SocketLimits, log: Logger, onSocketClosed?: (socket: SocketHandle) => void) {
  const connections = new WeakMap<object, ConnectionLike>();
  const handles = new WeakMap<object, SocketHandle>();
  const guards = new WeakMap<object, SocketGuard>();
  const timers = new WeakMap<object, NodeJS.Timeout>();
  const admission = new SocketAdmission(limits);
  const ws = crossws({
    serverOptions: { maxPayload: limits.maxPayload },
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
        guards.set(peer, new SocketGuard(limits.budget));
        // An idle socket costs a file descriptor and memory: it has a few seconds to be let in.
        const timer = setTimeout(() => {
          if (socket.authenticated === 0 && !socket.closed) {
            log.info({ peer: peer.id }, 'websocket closed: no document authenticated in time');
            socket.close(CloseCode.ConnectionTimeout, AUTH_TIMEOUT);
          }
        }, limits.authTimeoutMs);
        timer.unref();
        timers.set(peer, timer);
      },
      message(peer, message) {
        const socket = handles.get(peer);
        // Frames already in flight when the socket was closed are not let in.
        if (!socket || socket.closed) return;
        const verdict = guards.get(peer)?.inspect(message.uint8Array()) ?? { action: 'pass', frame: message.uint8Array() };
        if (verdict.action === 'pass') {
          connections.get(peer)?.handleMessage(verdict.frame);
        } else if (verdict.action === 'close') {
          log.warn({ peer: peer.id, code: verdict.code, why: verdict.why }, 'websocket closed: over its bounds');
          socket.close(verdict.code, verdict.reason);
        } else {
          log.debug({ peer: peer.id, why: verdict.why }, 'websocket frame dropped');
        }
      },
      close(peer, event) {
        clearTimeout(timers.get(peer));
        timers.delete(peer);
        guards.delete(peer);
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
    const ip = clientIpOf(req, limits.trust);
    const admitted = admission.admit(ip);
    if ('status' in admitted) {
      log.warn({ ip, status: admitted.status, open: admission.open }, 'websocket refused at upgrade');
      socket.end(refusalResponse(admitted));
      return;
    }
    // The TCP socket closes whatever happens to the upgrade: the one place to give the slot back.
    socket.once('close', admitted.release);
    void ws.handleUpgrade(req, socket, head);
  });

  return {
    /** Closes every socket with `code` (1001 at shutdown, so clients reconnect elsewhere). */
    closeAll: (code: number, reason: string) => ws.closeAll(code, reason),
  };
}
