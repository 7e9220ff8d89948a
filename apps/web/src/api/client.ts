import type { Mesa } from '@cocrea/domain';
import { request } from './http';

export { ApiError } from './http';

/** A mesa together with the link participants open to join it. */
export interface MesaWithLink {
  mesa: Mesa;
  joinUrl: string;
}

/** The participant identity the server assigns on join. */
export interface Participant {
  id: string;
  name: string;
  color: string;
}

/** What `POST /api/mesas/:id/join` answers. */
export interface JoinResponse {
  token: string;
  expiresAt: string;
  participant: Participant;
  documents: { tree: string };
}

/** Lists every mesa, newest first. */
export async function listMesas(signal?: AbortSignal): Promise<Mesa[]> {
  const body = await request<{ mesas: Mesa[] }>('/api/mesas', { ...(signal ? { signal } : {}) });
  return body.mesas;
}

/** Convenes a new mesa. */
export function createMesa(input: { title: string; topic: string; description?: string }): Promise<MesaWithLink> {
  return request<MesaWithLink>('/api/mesas', { method: 'POST', body: input });
}

/** Reads one mesa and its join link; rejects with status 404 when it does not exist. */
export function getMesa(id: string, signal?: AbortSignal): Promise<MesaWithLink> {
  return request<MesaWithLink>(`/api/mesas/${encodeURIComponent(id)}`, { ...(signal ? { signal } : {}) });
}

/**
 * Joins a mesa under a display name; the token it returns is short-lived. Passing the
 * `participantId` of an earlier join keeps one identity (and colour) across re-joins.
 */
export function joinMesa(id: string, name: string, participantId?: string): Promise<JoinResponse> {
  return request<JoinResponse>(`/api/mesas/${encodeURIComponent(id)}/join`, {
    method: 'POST',
    body: participantId === undefined ? { name } : { name, participantId },
  });
}
