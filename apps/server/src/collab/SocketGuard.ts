import { CloseCode } from '@cocrea/collab';
import { FrameError, FrameReader, FrameType, isRemoval, readAwarenessUpdate, withVarBytes, writeAwarenessUpdate, type AwarenessEntry } from './hocuspocusFrame';
import { TokenBucket } from './TokenBucket';

/** What one socket may spend (docs/limits.md, "Requests and sockets"). */
export interface SocketBudget {
  /** Bytes of frames a second, sustained (`WS_BYTES_PER_SECOND`). */
  bytesPerSecond: number;
  /** Bytes a socket may send at once; never below the largest allowed message. */
  bytesBurst: number;
  /** Frames a second, sustained (`WS_MESSAGES_PER_SECOND`). */
  messagesPerSecond: number;
  /** Frames a socket may send at once. */
  messagesBurst: number;
  /** Awareness (presence) frames a second, sustained (`WS_AWARENESS_PER_SECOND`). */
  awarenessPerSecond: number;
  /** Awareness frames at once; beyond it they are dropped, beyond twice it the socket is closed. */
  awarenessBurst: number;
  /** Largest encoded JSON of one presence state (`AWARENESS_MAX_STATE_BYTES`). */
  awarenessStateBytes: number;
  /** Distinct Yjs client ids one socket may publish presence for, over its whole life. */
  awarenessClients: number;
  /** Refused awareness frames a socket may send before it is closed. */
  awarenessStrikes: number;
}

/** Presence clients per socket: the web opens one socket per document, a multiplexing client a few documents. */
export const AWARENESS_CLIENTS_PER_SOCKET = 4;
/** Refused presence frames before the socket is closed (`4422 invalid:awareness`). */
export const AWARENESS_STRIKES = 3;
/**
 * Document authentications one socket may send at once, then one a second. A client opens at most
 * three documents and re-sends a token now and then; each authentication costs a token check and
 * look-ups, so a socket asking for name after name is closed (4429) before the server does them.
 */
export const AUTH_FRAMES_BURST = 16;
/** Document authentications a second, sustained, after {@link AUTH_FRAMES_BURST}. */
export const AUTH_FRAMES_PER_SECOND = 1;

/** The budget of {@link SocketGuard} from the configured rates (bursts are fixed multiples). */
export function socketBudget(c: {
  WS_BYTES_PER_SECOND: number;
  WS_MESSAGES_PER_SECOND: number;
  WS_AWARENESS_PER_SECOND: number;
  AWARENESS_MAX_STATE_BYTES: number;
  MAX_MESSAGE_BYTES: number;
}): SocketBudget {
  return {
    bytesPerSecond: c.WS_BYTES_PER_SECOND,
    // A reconnect sends its whole offline work at once: one message of the largest allowed size
    // must always fit.
    bytesBurst: Math.max(4 * c.WS_BYTES_PER_SECOND, c.MAX_MESSAGE_BYTES),
    messagesPerSecond: c.WS_MESSAGES_PER_SECOND,
    messagesBurst: 4 * c.WS_MESSAGES_PER_SECOND,
    awarenessPerSecond: c.WS_AWARENESS_PER_SECOND,
    awarenessBurst: 2 * c.WS_AWARENESS_PER_SECOND,
    awarenessStateBytes: c.AWARENESS_MAX_STATE_BYTES,
    awarenessClients: AWARENESS_CLIENTS_PER_SOCKET,
    awarenessStrikes: AWARENESS_STRIKES,
  };
}

/** What to do with one incoming frame. */
export type FrameVerdict =
  | { action: 'pass'; frame: Uint8Array }
  | { action: 'drop'; why: string }
  | { action: 'close'; code: number; reason: string; why: string };

/** Reason of a socket closed for spending more than its budget. */
export const RATE_LIMITED = 'rate-limited';
/** Reason of a socket closed for repeatedly sending presence it may not send. */
export const INVALID_AWARENESS = 'invalid:awareness';

/**
 * Looks at every frame of one socket before Hocuspocus does. A frame beyond the socket's byte or
 * message budget closes it with 4429 and is never handed on, so nothing of it is applied.
 * Presence (awareness) is bounded too: a rate (over it: dropped; far over it: closed with 4429),
 * a size per state, and a few client ids per socket — the ids it first publishes, so one socket
 * cannot invent thousands of participants. Removals of other clients (y-protocols' 30 s timeout,
 * which providers echo) are stripped, so one socket cannot erase others' presence either.
 * Refused presence frames are dropped; the {@link SocketBudget.awarenessStrikes}th closes the
 * socket with 4422 `invalid:awareness`. Frames that do not decode are handed on unchanged:
 * Hocuspocus answers those itself (4205).
 */
export class SocketGuard {
  private readonly bytes: TokenBucket;
  private readonly messages: TokenBucket;
  private readonly awareness: TokenBucket;
  private readonly auth: TokenBucket;
  /** Client ids this socket publishes presence for, claimed on first use, kept for its life. */
  private readonly clients = new Set<number>();
  private strikes = 0;

  constructor(
    private readonly budget: SocketBudget,
    now?: () => number,
  ) {
    this.bytes = new TokenBucket(budget.bytesPerSecond, budget.bytesBurst, now);
    this.messages = new TokenBucket(budget.messagesPerSecond, budget.messagesBurst, now);
    this.awareness = new TokenBucket(budget.awarenessPerSecond, budget.awarenessBurst, now);
    this.auth = new TokenBucket(AUTH_FRAMES_PER_SECOND, AUTH_FRAMES_BURST, now);
  }

  /** The verdict on `frame`; `pass` may carry a rewritten frame. */
  inspect(frame: Uint8Array): FrameVerdict {
    if (!this.messages.tryTake(1)) return this.rateLimited('messages per second');
    if (!this.bytes.tryTake(frame.length)) return this.rateLimited('bytes per second');
    const r = new FrameReader(frame);
    let type: number;
    try {
      r.varBytes(); // the document's address
      type = r.varUint();
    } catch (err) {
      if (err instanceof FrameError) return { action: 'pass', frame };
      throw err;
    }
    if (type === FrameType.Auth && !this.auth.tryTake(1)) return this.rateLimited('document authentications per second');
    if (type !== FrameType.Awareness && type !== FrameType.QueryAwareness) return { action: 'pass', frame };
    const left = this.awareness.take(1);
    if (left < -this.budget.awarenessBurst) return this.rateLimited('awareness messages per second');
    if (left < 0) return { action: 'drop', why: 'awareness over rate' };
    if (type === FrameType.QueryAwareness) return { action: 'pass', frame };
    const head = frame.subarray(0, r.pos);
    let entries: AwarenessEntry[];
    try {
      entries = readAwarenessUpdate(r.varBytes());
    } catch (err) {
      if (err instanceof FrameError) return { action: 'pass', frame };
      throw err;
    }
    return this.checkAwareness(frame, head, entries);
  }

  private checkAwareness(frame: Uint8Array, head: Uint8Array, entries: AwarenessEntry[]): FrameVerdict {
    const claims = new Set<number>();
    const kept: AwarenessEntry[] = [];
    let refusal: string | undefined;
    for (const e of entries) {
      const own = this.clients.has(e.clientId) || claims.has(e.clientId);
      if (isRemoval(e)) {
        if (own) kept.push(e);
        continue;
      }
      if (e.state.length > this.budget.awarenessStateBytes) {
        refusal = 'awareness state too large';
        break;
      }
      if (!own) {
        if (this.clients.size + claims.size >= this.budget.awarenessClients) {
          refusal = 'awareness for too many client ids';
          break;
        }
        claims.add(e.clientId);
      }
      kept.push(e);
    }
    if (refusal) {
      if (++this.strikes >= this.budget.awarenessStrikes) {
        return { action: 'close', code: CloseCode.InvalidContent, reason: INVALID_AWARENESS, why: refusal };
      }
      return { action: 'drop', why: refusal };
    }
    for (const id of claims) this.clients.add(id);
    if (kept.length === entries.length) return { action: 'pass', frame };
    if (kept.length === 0) return { action: 'drop', why: 'only removals of other clients' };
    return { action: 'pass', frame: withVarBytes(head, writeAwarenessUpdate(kept)) };
  }

  private rateLimited(why: string): FrameVerdict {
    return { action: 'close', code: CloseCode.RateLimited, reason: RATE_LIMITED, why };
  }
}
