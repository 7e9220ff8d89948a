import type { IncomingMessage } from 'node:http';

/** Express' compiled `trust proxy` (`app.get('trust proxy fn')`): may hop `i` be believed? */
export type TrustFn = (addr: string, i: number) => boolean;

/**
 * The client's IP exactly as Express' `req.ip` finds it (proxy-addr): the socket's peer, then
 * `X-Forwarded-For` from right to left while each hop is trusted. WebSocket upgrades never
 * pass through Express, so this repeats its few lines with Express' own trust function.
 */
export function clientIpOf(req: IncomingMessage, trust: TrustFn): string {
  const addrs = [req.socket.remoteAddress ?? ''];
  const header = req.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',');
  for (let i = forwarded.length - 1; i >= 0; i--) {
    const a = (forwarded[i] as string).trim();
    if (a) addrs.push(a);
  }
  for (let i = 0; i < addrs.length - 1; i++) {
    if (!trust(addrs[i] as string, i)) return addrs[i] as string;
  }
  return addrs[addrs.length - 1] as string;
}

/** Why a socket was refused at upgrade: HTTP status and a Spanish body. */
export interface Refusal {
  status: 429 | 503;
  message: string;
}

/** Body of the per-IP refusal. */
export const TOO_MANY_FROM_IP = 'Hay demasiadas conexiones abiertas desde tu red. Cierra otras pestañas o vuelve a intentarlo en unos minutos.';
/** Body of the global refusal. */
export const SERVER_FULL = 'El servidor tiene demasiadas conexiones abiertas. Vuelve a intentarlo en unos minutos.';

/**
 * Counts open WebSockets per client IP and in all, and refuses new ones beyond
 * `MAX_SOCKETS_PER_IP` (429; a room behind one NAT shares an IP, hence a generous default)
 * or `MAX_SOCKETS` (503).
 */
export class SocketAdmission {
  private readonly perIp = new Map<string, number>();
  private total = 0;

  constructor(
    private readonly maxPerIp: number,
    private readonly maxTotal: number,
  ) {}

  /** Admits one socket from `ip` (counting it) or says why not; call `release` once it closes. */
  admit(ip: string): Refusal | { release: () => void } {
    const n = this.perIp.get(ip) ?? 0;
    if (n >= this.maxPerIp) return { status: 429, message: TOO_MANY_FROM_IP };
    if (this.total >= this.maxTotal) return { status: 503, message: SERVER_FULL };
    this.perIp.set(ip, n + 1);
    this.total++;
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        this.total--;
        const left = (this.perIp.get(ip) ?? 1) - 1;
        if (left > 0) this.perIp.set(ip, left);
        else this.perIp.delete(ip);
      },
    };
  }

  /** Open sockets counted now (in all). */
  get open(): number {
    return this.total;
  }
}

/** The raw HTTP answer that refuses an upgrade. */
export function refusalResponse(r: Refusal): string {
  const body = Buffer.from(JSON.stringify({ error: { code: r.status === 429 ? 'too_many_sockets' : 'server_full', message: r.message } }));
  const text = r.status === 429 ? 'Too Many Requests' : 'Service Unavailable';
  return (
    `HTTP/1.1 ${r.status} ${text}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${body.length}\r\n` +
    `Retry-After: 60\r\nConnection: close\r\n\r\n${body.toString('utf8')}`
  );
}
