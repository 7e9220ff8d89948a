import { describe, expect, it } from 'vitest';
import { CONNECT_BURST, OPENING_TOO_FAST, SERVER_FULL, SocketAdmission, TOO_MANY_FROM_IP } from './SocketAdmission';

const refusal = (r: ReturnType<SocketAdmission['admit']>) => ('status' in r ? r : null);

describe('SocketAdmission', () => {
  it('caps open sockets per IP and in all, and a closed socket frees its slot', () => {
    let t = 0;
    const a = new SocketAdmission({ maxPerIp: 2, maxTotal: 3, connectsPerSecond: 1000 }, () => t);
    const first = a.admit('10.0.0.1');
    a.admit('10.0.0.1');
    expect(refusal(a.admit('10.0.0.1'))).toEqual({ status: 429, message: TOO_MANY_FROM_IP });
    a.admit('10.0.0.2');
    expect(refusal(a.admit('10.0.0.3'))).toEqual({ status: 503, message: SERVER_FULL });
    if ('release' in first) first.release();
    t += 1000; // the opening rate is not what this checks
    expect(refusal(a.admit('10.0.0.1'))).toBeNull();
  });

  it('lets a room reconnect at once, then refuses an IP that opens sockets faster than the rate', () => {
    let t = 0;
    const a = new SocketAdmission({ maxPerIp: 200, maxTotal: 10_000, connectsPerSecond: 10 }, () => t);
    // A whole room behind one NAT reconnecting after a restart: the burst.
    for (let i = 0; i < CONNECT_BURST; i++) {
      const r = a.admit('10.0.0.1');
      expect(refusal(r)).toBeNull();
      if ('release' in r) r.release();
    }
    // Closing and reopening in a loop: refused until the rate refills.
    expect(refusal(a.admit('10.0.0.1'))).toEqual({ status: 429, message: OPENING_TOO_FAST });
    expect(refusal(a.admit('10.0.0.2'))).toBeNull();
    t += 100; // one token at 10/s
    expect(refusal(a.admit('10.0.0.1'))).toBeNull();
    expect(refusal(a.admit('10.0.0.1'))).toEqual({ status: 429, message: OPENING_TOO_FAST });
  });
});
