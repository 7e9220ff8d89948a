import { describe, expect, it } from 'vitest';
import { CloseCode } from '@cocrea/collab';
import type { SocketHandle } from './context';
import { PrincipalSockets, type SocketGrant } from './PrincipalSockets';

/** A socket that records how it was closed. */
function socket(): SocketHandle & { closedWith: [number, string][] } {
  const closedWith: [number, string][] = [];
  return { authenticated: 0, closedWith, close: (code, reason) => closedWith.push([code, reason]) };
}

describe('PrincipalSockets', () => {
  it('closes, once and with 4403, every socket holding a matching grant, and only those', () => {
    const registry = new PrincipalSockets();
    const [a, b, c] = [socket(), socket(), socket()];
    const grant = (s: SocketHandle, over: Partial<SocketGrant>): SocketGrant => ({ socket: s, documentName: 'mesa:m1:tree', mesaId: 'm1', kind: 'account', principalId: 'acc1', ...over });
    registry.admit(grant(a, {}));
    registry.admit(grant(a, { documentName: 'mesa:m1:annotations' }));
    registry.admit(grant(b, { mesaId: 'm2', documentName: 'mesa:m2:tree' }));
    registry.admit(grant(c, { kind: 'participant', principalId: 'p_1' }));
    expect(registry.size).toBe(4);

    expect(registry.close((g) => g.principalId === 'acc1' && g.mesaId === 'm1', 'revoked')).toBe(1);
    expect(a.closedWith).toEqual([[CloseCode.Forbidden, 'revoked']]);
    expect(b.closedWith).toEqual([]);
    expect(registry.size).toBe(2);
    // Closed sockets are forgotten: a second revocation does not close them again.
    expect(registry.close((g) => g.principalId === 'acc1', 'revoked')).toBe(1);
    expect(a.closedWith).toHaveLength(1);
    expect(b.closedWith).toEqual([[CloseCode.Forbidden, 'revoked']]);
  });

  it('forgets released grants, closed documents and closed sockets', () => {
    const registry = new PrincipalSockets();
    const s = socket();
    const g = registry.admit({ socket: s, documentName: 'mesa:m1:tree', mesaId: 'm1', kind: 'participant', principalId: 'p_1' });
    registry.admit({ socket: s, documentName: 'mesa:m1:annotations', mesaId: 'm1', kind: 'participant', principalId: 'p_1' });
    registry.release(g);
    expect(registry.size).toBe(1);
    registry.releaseDocument(s, 'mesa:m1:annotations');
    expect(registry.size).toBe(0);
    registry.admit({ socket: s, documentName: 'mesa:m1:tree', mesaId: 'm1', kind: 'participant', principalId: 'p_1' });
    registry.forget(s);
    expect(registry.close(() => true, 'mesa-closed')).toBe(0);
    expect(s.closedWith).toEqual([]);
  });
});
