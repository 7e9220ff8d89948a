/**
 * Just enough of lib0's encoding to read the head of a Hocuspocus frame and the entries of an
 * awareness update before Hocuspocus sees them (SocketGuard). The server does not depend on lib0
 * directly; these few lines follow lib0/decoding's varUint and varString exactly.
 */

/** Hocuspocus' outer message types a client may send that SocketGuard looks at (see its MessageType). */
export const FrameType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
} as const;

/** Raised when bytes do not decode; SocketGuard lets Hocuspocus answer such frames itself. */
export class FrameError extends Error {
  override readonly name = 'FrameError';
}

/** A cursor over a byte array, reading lib0 variable-length integers and strings. */
export class FrameReader {
  pos = 0;
  constructor(readonly bytes: Uint8Array) {}

  /** lib0 `readVarUint`: 7 bits per byte, low first, up to 2^53. */
  varUint(): number {
    let num = 0;
    let mult = 1;
    for (;;) {
      if (this.pos >= this.bytes.length) throw new FrameError('unexpected end of frame');
      const r = this.bytes[this.pos++] as number;
      num += (r & 0x7f) * mult;
      if (r < 0x80) return num;
      mult *= 128;
      if (mult > Number.MAX_SAFE_INTEGER) throw new FrameError('integer out of range');
    }
  }

  /** The bytes of a lib0 `writeVarUint8Array` / `writeVarString` (length first), without copying. */
  varBytes(): Uint8Array {
    const len = this.varUint();
    const end = this.pos + len;
    if (end > this.bytes.length) throw new FrameError('length past the end of frame');
    const out = this.bytes.subarray(this.pos, end);
    this.pos = end;
    return out;
  }

  /** Whether every byte was read. */
  get done(): boolean {
    return this.pos >= this.bytes.length;
  }
}

/** One entry of a y-protocols awareness update, its state left as encoded JSON bytes. */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** The UTF-8 bytes of `JSON.stringify(state)`. */
  state: Uint8Array;
}

const NULL_STATE = new TextEncoder().encode('null');

/** Whether an entry removes its client (`JSON.stringify(null)`). */
export function isRemoval(entry: AwarenessEntry): boolean {
  const s = entry.state;
  return s.length === NULL_STATE.length && s.every((b, i) => b === NULL_STATE[i]);
}

/** Decodes a y-protocols awareness update: a count, then per entry clientID, clock, JSON state. */
export function readAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const r = new FrameReader(update);
  const count = r.varUint();
  // Each entry takes at least 3 bytes: a count beyond that is a lie, not a reason to allocate.
  if (count * 3 > update.length) throw new FrameError('awareness count past the end of update');
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) entries.push({ clientId: r.varUint(), clock: r.varUint(), state: r.varBytes() });
  return entries;
}

function writeVarUint(out: number[], n: number): void {
  while (n > 0x7f) {
    out.push((n % 128) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
}

/** Encodes awareness entries back into a y-protocols awareness update. */
export function writeAwarenessUpdate(entries: readonly AwarenessEntry[]): Uint8Array {
  const head: number[] = [];
  const parts: Uint8Array[] = [];
  writeVarUint(head, entries.length);
  parts.push(Uint8Array.from(head));
  for (const e of entries) {
    const meta: number[] = [];
    writeVarUint(meta, e.clientId);
    writeVarUint(meta, e.clock);
    writeVarUint(meta, e.state.length);
    parts.push(Uint8Array.from(meta), e.state);
  }
  return concat(parts);
}

/** `prefix` followed by `payload` as a lib0 varUint8Array (length first). */
export function withVarBytes(prefix: Uint8Array, payload: Uint8Array): Uint8Array {
  const len: number[] = [];
  writeVarUint(len, payload.length);
  return concat([prefix, Uint8Array.from(len), payload]);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
