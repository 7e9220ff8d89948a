import type { MesaMember } from './accountTypes';
import { request } from './http';

const membersPath = (mesaId: string) => `/api/mesas/${encodeURIComponent(mesaId)}/members`;

/** The experts of a mesa. */
export async function listMembers(mesaId: string, signal?: AbortSignal): Promise<MesaMember[]> {
  return (await request<{ members: MesaMember[] }>(membersPath(mesaId), signal ? { signal } : {})).members;
}

/** Adds an existing expert account to the mesa by its email; `404` when there is none. */
export async function addMember(mesaId: string, email: string): Promise<MesaMember> {
  return (await request<{ member: MesaMember }>(membersPath(mesaId), { method: 'POST', body: { email } })).member;
}

/** Removes an expert from the mesa; their sockets on it are closed. */
export async function removeMember(mesaId: string, accountId: string): Promise<void> {
  await request<undefined>(`${membersPath(mesaId)}/${encodeURIComponent(accountId)}`, { method: 'DELETE' });
}
