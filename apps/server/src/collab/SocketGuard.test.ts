import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import { CloseCode } from '@cocrea/collab';
import { awarenessFrame } from '../../test/rawFrames';
import { AUTH_FRAMES_BURST, AUTH_FRAMES_PER_SECOND, INVALID_AWARENESS, RATE_LIMITED, SocketGuard, socketBudget, type FrameVerdict } from './SocketGuard';

const DOC = 'mesa:M1:tree';
const rates = { WS_BYTES_PER_SECOND: 1_048_576, WS_MESSAGES_PER_SECOND: 10, WS_AWARENESS_PER_SECOND: 5, AWARENESS_MAX_STATE_BYTES: 256, MAX_MESSAGE_BYTES: 1_048_576 };

/** A guard on a clock the test moves by hand. */
function guarded(changes: Partial<typeof rates> = {}) {
  let t = 0;
  const guard = new SocketGuard(socketBudget({ ...rates, ...changes }), () => t);
  return { guard, advance: (ms: number) => (t += ms) };
}

/** A Hocuspocus awareness frame for {@link DOC} with `[clientId, clock, state]` entries. */
const awareness = (entries: [number, number, unknown][]) => awarenessFrame(DOC, entries);

/** The client ids of the awareness frame a verdict passes on. */
function passedIds(v: FrameVerdict): number[] {
  if (v.action !== 'pass') throw new Error(`expected pass, got ${v.action}`);
  const d = decoding.createDecoder(v.frame);
  expect(decoding.readVarString(d)).toBe(DOC);
  expect(decoding.readVarUint(d)).toBe(1);
  const u = decoding.createDecoder(decoding.readVarUint8Array(d));
  const ids: number[] = [];
  for (let n = decoding.readVarUint(u); n > 0; n--) {
    ids.push(decoding.readVarUint(u));
    decoding.readVarUint(u);
    JSON.parse(decoding.readVarString(u));
  }
  return ids;
}

/** A Hocuspocus sync frame of `size` bytes in all. */
function syncFrame(size: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, DOC);
  encoding.writeVarUint(e, 0);
  encoding.writeUint8Array(e, new Uint8Array(Math.max(0, size - DOC.length - 2)));
  return encoding.toUint8Array(e);
}

describe('SocketGuard: presence', () => {
  it('lets a socket publish, update and remove its own few client ids', () => {
    const { guard, advance } = guarded();
    expect(passedIds(guard.inspect(awareness([[11, 0, { name: 'Ana' }]])))).toEqual([11]);
    advance(1000);
    expect(passedIds(guard.inspect(awareness([[11, 1, { name: 'Ana', cursor: { x: 1, y: 2 } }]])))).toEqual([11]);
    expect(passedIds(guard.inspect(awareness([[12, 0, {}], [13, 0, {}], [14, 0, {}]])))).toEqual([12, 13, 14]);
    expect(passedIds(guard.inspect(awareness([[11, 2, null]])))).toEqual([11]);
  });

  it('strips removals of other clients (the echoed 30 s timeout) and passes the rest', () => {
    const { guard } = guarded();
    expect(passedIds(guard.inspect(awareness([[11, 0, { name: 'Ana' }], [99, 4, null], [98, 7, null]])))).toEqual([11]);
    expect(guard.inspect(awareness([[97, 1, null]]))).toMatchObject({ action: 'drop' });
  });

  it('drops presence for invented client ids, then closes with 4422 invalid:awareness', () => {
    const { guard, advance } = guarded();
    const invented = awareness(Array.from({ length: 2000 }, (_, i) => [1000 + i, 0, { name: `falso ${i}` }] as [number, number, unknown]));
    expect(guard.inspect(invented)).toMatchObject({ action: 'drop' });
    advance(1000);
    // Nothing of the dropped frame was claimed: the socket's own id still passes.
    expect(passedIds(guard.inspect(awareness([[11, 0, { name: 'Ana' }]])))).toEqual([11]);
    expect(guard.inspect(awareness([[1, 0, {}], [2, 0, {}], [3, 0, {}], [4, 0, {}]]))).toMatchObject({ action: 'drop' });
    advance(1000);
    expect(guard.inspect(invented)).toEqual({ action: 'close', code: CloseCode.InvalidContent, reason: INVALID_AWARENESS, why: 'awareness for too many client ids' });
  });

  it('drops a state larger than AWARENESS_MAX_STATE_BYTES', () => {
    const { guard } = guarded();
    expect(guard.inspect(awareness([[11, 0, { name: 'x'.repeat(300) }]]))).toMatchObject({ action: 'drop', why: 'awareness state too large' });
  });

  it('drops presence over its rate and closes with 4429 far over it; the rate refills', () => {
    const { guard, advance } = guarded();
    const frame = awareness([[11, 0, { name: 'Ana' }]]);
    // Burst: twice the rate (10). Messages: 40 at once, so only the presence rate is in play.
    for (let i = 0; i < 10; i++) expect(guard.inspect(frame).action).toBe('pass');
    expect(guard.inspect(frame)).toMatchObject({ action: 'drop', why: 'awareness over rate' });
    advance(1000);
    for (let i = 0; i < 4; i++) expect(guard.inspect(frame).action).toBe('pass');
    // Dropped frames still cost: a socket that keeps sending twice its burst is closed.
    for (let i = 0; i < 10; i++) expect(guard.inspect(frame).action).toBe('drop');
    expect(guard.inspect(frame)).toMatchObject({ action: 'close', code: CloseCode.RateLimited, reason: RATE_LIMITED });
  });
});

describe('SocketGuard: document authentications', () => {
  /** A token message for document `n`. */
  const authFrame = (n: number) => {
    const e = encoding.createEncoder();
    encoding.writeVarString(e, `mesa:M1:roadmap:c${n}`);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint(e, 0);
    encoding.writeVarString(e, 'token');
    return encoding.toUint8Array(e);
  };

  it('lets a socket open a few documents and re-send tokens, and closes one asking for name after name with 4429', () => {
    const { guard, advance } = guarded({ WS_MESSAGES_PER_SECOND: 1000 });
    for (let i = 0; i < AUTH_FRAMES_BURST; i++) expect(guard.inspect(authFrame(i)).action).toBe('pass');
    advance(1000 / AUTH_FRAMES_PER_SECOND);
    expect(guard.inspect(authFrame(100)).action).toBe('pass');
    expect(guard.inspect(authFrame(101))).toMatchObject({ action: 'close', code: CloseCode.RateLimited, reason: RATE_LIMITED, why: 'document authentications per second' });
  });
});

describe('SocketGuard: update budget', () => {
  it('closes with 4429 beyond the message burst, never before', () => {
    const { guard } = guarded();
    for (let i = 0; i < 40; i++) expect(guard.inspect(syncFrame(20)).action).toBe('pass');
    expect(guard.inspect(syncFrame(20))).toMatchObject({ action: 'close', code: CloseCode.RateLimited, reason: RATE_LIMITED, why: 'messages per second' });
  });

  it('closes with 4429 beyond the byte burst; one message of the largest size always fits', () => {
    const { guard, advance } = guarded({ WS_BYTES_PER_SECOND: 1024, MAX_MESSAGE_BYTES: 2048 });
    expect(guard.inspect(syncFrame(2048)).action).toBe('pass');
    expect(guard.inspect(syncFrame(2048)).action).toBe('pass');
    advance(1000);
    expect(guard.inspect(syncFrame(1024)).action).toBe('pass');
    expect(guard.inspect(syncFrame(100))).toMatchObject({ action: 'close', code: CloseCode.RateLimited, why: 'bytes per second' });
  });

  it('hands undecodable frames to Hocuspocus unchanged', () => {
    const { guard } = guarded();
    const junk = new Uint8Array([0xff, 0xff, 0xff]);
    expect(guard.inspect(junk)).toEqual({ action: 'pass', frame: junk });
  });
});
