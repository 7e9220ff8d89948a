import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Security headers for every answer (helmet), with a strict Content-Security-Policy the built web
 * app runs under: scripts only from this origin; inline *styles* allowed because React Flow and
 * Tiptap position things with `style` attributes; images also as `data:`/`blob:` (the favicon,
 * exported previews); the collaboration WebSocket on `ws:`/`wss:`; never framed. HSTS only when
 * `PUBLIC_URL` is https: on plain http it would lock a LAN deployment out.
 */
export function securityHeaders(https: boolean): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'connect-src': ["'self'", 'ws:', 'wss:'],
        'frame-ancestors': ["'none'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
      },
    },
    strictTransportSecurity: https ? { maxAge: 15_552_000, includeSubDomains: false } : false,
  });
}
