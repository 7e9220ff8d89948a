import type { IncomingMessage } from 'node:http';
import { TokenBucket } from './TokenBucket';

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
/** Body of the per-IP refusal of new sockets opened too fast. */
export const OPENING_TOO_FAST = 'Se están abriendo demasiadas conexiones desde tu red. Espera unos segundos y vuelve a intentarlo.';
/** Body of the global refusal. */
export const SERVER_FULL = 'El servidor tiene demasiadas conexiones abiertas. Vuelve a intentarlo en unos minutos.';

/** Bounds on opening sockets, from configuration (docs/limits.md). */
export interface AdmissionLimits {
  /** Open sockets per client IP (`MAX_SOCKETS_PER_IP`). */
  maxPerIp: number;
  /** Open sockets in all (`MAX_SOCKETS`). */
  maxTotal: number;
  /** New sockets per client IP and second, sustained (`WS_CONNECTS_PER_SECOND`), after a burst of {@link CONNECT_BURST}. */
  connectsPerSecond: number;
}

/**
 * New sockets one IP may open at once before the rate applies: a room behind one NAT reconnecting
 * after a restart gets most people back at once and the rest within seconds (the provider retries
 * with back-off), while an IP reconnecting in a loop costs the server at most this many handshakes
 * in a burst (the abuse bench saw a burst of 200 double another mesa's save p99).
 */
export const CONNECT_BURST = 50;

/** Client IPs whose opening rate is remembered at most; beyond, the idlest are forgotten. */
const MAX_TRACKED_IPS = 50_000;

/**
 * Counts open WebSockets per client IP and in all, and refuses new ones beyond
 * `MAX_SOCKETS_PER_IP` (429; a room behind one NAT shares an IP, hence a generous default)
 * or `MAX_SOCKETS` (503). Opening is rate-limited per IP too (429): a client that is refused a
 * document is closed, and one reconnecting in a loop would otherwise make the server verify
 * tokens and look up mesas as fast as it can send. The burst lets a whole room behind one NAT
 * reconnect at once after a restart.
 */
export class SocketAdmission {
  private readonly perIp = new Map<string, number>();
  private readonly opening = new Map<string, TokenBucket>();
  private total = 0;

  constructor(
    private readonly limits: AdmissionLimits,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Admits one socket from `ip` (counting it) or says why not; call `release` once it closes. */
  admit(ip: string): Refusal | { release: () => void } {
    const n = this.perIp.get(ip) ?? 0;
    if (n >= this.limits.maxPerIp) return { status: 429, message: TOO_MANY_FROM_IP };
    if (this.total >= this.limits.maxTotal) return { status: 503, message: SERVER_FULL };
    if (!this.openingBucket(ip).tryTake()) return { status: 429, message: OPENING_TOO_FAST };
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

  /** IPs whose opening rate is remembered now (bounded by {@link MAX_TRACKED_IPS}). */
  get trackedIps(): number {
    return this.opening.size;
  }

  private openingBucket(ip: string): TokenBucket {
    let bucket = this.opening.get(ip);
    if (bucket) {
      // Most recently used last: the map's order is the eviction order.
      this.opening.delete(ip);
    } else {
      bucket = new TokenBucket(this.limits.connectsPerSecond, Math.min(CONNECT_BURST, this.limits.maxPerIp), this.now);
      if (this.opening.size >= MAX_TRACKED_IPS) {
        const idlest = this.opening.keys().next().value;
        if (idlest !== undefined) this.opening.delete(idlest);
      }
    }
    this.opening.set(ip, bucket);
    return bucket;
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
