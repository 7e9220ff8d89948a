import { describe, expect, it, vi } from 'vitest';
import type { JoinInfo } from '../api/accountTypes';
import { ApiError } from '../api/http';
import type { MesaAuth } from '../collab/mesaAuth';
import { resolveMesaAccess, type MesaAccessDeps } from './resolveMesaAccess';

const auth = { mesaId: 'm1' } as MesaAuth;
const info = (over: Partial<JoinInfo> = {}): JoinInfo => ({ mesa: { id: 'm1', title: 'Agua', topic: 'Agua' }, joinOpen: true, status: 'abierta', ...over });
const deps = (over: Partial<MesaAccessDeps>): MesaAccessDeps => ({
  signedIn: false,
  hasParticipation: false,
  accountAuth: vi.fn(() => Promise.resolve(auth)),
  resumeParticipant: vi.fn(() => Promise.resolve(auth)),
  joinInfo: vi.fn(() => Promise.resolve(info())),
  ...over,
});

describe('resolveMesaAccess', () => {
  it('gives an account its token without asking for a name', async () => {
    const d = deps({ signedIn: true, hasParticipation: true });
    expect(await resolveMesaAccess(d)).toEqual({ kind: 'ready', auth });
    expect(d.resumeParticipant).not.toHaveBeenCalled();
    expect(d.joinInfo).not.toHaveBeenCalled();
  });

  it('renews a remembered participant, even when the join link is closed', async () => {
    const d = deps({ hasParticipation: true, joinInfo: vi.fn(() => Promise.resolve(info({ joinOpen: false }))) });
    expect(await resolveMesaAccess(d)).toEqual({ kind: 'ready', auth });
  });

  it('says the mesa is closed when the renewal is refused for that', async () => {
    const d = deps({
      hasParticipation: true,
      resumeParticipant: () => Promise.reject(new ApiError('mesa_closed', 'La mesa está cerrada.', 403)),
      joinInfo: () => Promise.resolve(info({ status: 'cerrada' })),
    });
    expect(await resolveMesaAccess(d)).toMatchObject({ kind: 'closed', reason: 'mesa_closed' });
  });

  it('asks again with the form when the remembered participation is refused otherwise', async () => {
    const d = deps({ hasParticipation: true, resumeParticipant: () => Promise.reject(new ApiError('validation_failed', 'x', 400)) });
    expect(await resolveMesaAccess(d)).toMatchObject({ kind: 'join' });
  });

  it('shows a newcomer the form, or why joining is closed', async () => {
    expect(await resolveMesaAccess(deps({}))).toMatchObject({ kind: 'join' });
    expect(await resolveMesaAccess(deps({ joinInfo: () => Promise.resolve(info({ joinOpen: false })) }))).toMatchObject({ kind: 'closed', reason: 'join_closed' });
    expect(await resolveMesaAccess(deps({ joinInfo: () => Promise.resolve(info({ status: 'cerrada' })) }))).toMatchObject({ kind: 'closed', reason: 'mesa_closed' });
  });

  it('lets other failures through (a missing mesa, no access)', async () => {
    const missing = new ApiError('mesa_not_found', 'No existe esa mesa.', 404);
    await expect(resolveMesaAccess(deps({ joinInfo: () => Promise.reject(missing) }))).rejects.toBe(missing);
    const denied = new ApiError('forbidden', 'No eres integrante de esta mesa.', 403);
    await expect(resolveMesaAccess(deps({ signedIn: true, accountAuth: () => Promise.reject(denied) }))).rejects.toBe(denied);
  });
});
