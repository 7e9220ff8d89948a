import type { JoinInfo, MesaRecord, MesaStatus, Sector } from './accountTypes';
import { request } from './http';

export { ApiError } from './http';

/** A mesa together with the link participants open to join it. */
export interface MesaWithLink {
  mesa: MesaRecord;
  joinUrl: string;
}

/** The identity the server assigns on join. */
export interface Participant {
  id: string;
  name: string;
  color: string;
}

/** The names of a mesa's shared documents. */
export interface MesaDocuments {
  tree: string;
  annotations: string;
}

/** What `POST /api/mesas/:id/join` answers. */
export interface JoinResponse {
  token: string;
  expiresAt: string;
  participant: Participant & { organization?: string | null; sector?: Sector | null };
  /** The secret that renews this participant's token (even after the join link closes). */
  renewal: string;
  documents: MesaDocuments;
}

/** What a participant gives to join (all but the name optional), and what a renewal sends back. */
export interface JoinInput {
  name: string;
  organization?: string;
  sector?: Sector;
  participantId?: string;
  renewal?: string;
}

/** What `POST /api/mesas/:id/token` answers to an account. */
export interface AccountTokenResponse {
  token: string;
  expiresAt: string;
  principal: Participant & { role: string };
  documents: MesaDocuments;
}

const mesaPath = (id: string) => `/api/mesas/${encodeURIComponent(id)}`;

/** The mesas the signed-in account may see, newest first. */
export async function listMesas(signal?: AbortSignal): Promise<MesaRecord[]> {
  const body = await request<{ mesas: MesaRecord[] }>('/api/mesas', { ...(signal ? { signal } : {}) });
  return body.mesas;
}

/** Convenes a new mesa (facilitators). */
export function createMesa(input: { title: string; topic: string; description?: string }): Promise<MesaWithLink> {
  return request<MesaWithLink>('/api/mesas', { method: 'POST', body: input });
}

/**
 * Reads one mesa and its join link, with the participant's `token` or the session cookie;
 * rejects with status 404 when it does not exist.
 */
export function getMesa(id: string, opts: { token?: string | undefined; signal?: AbortSignal } = {}): Promise<MesaWithLink> {
  return request<MesaWithLink>(mesaPath(id), { ...(opts.signal ? { signal: opts.signal } : {}), token: opts.token });
}

/** What anyone holding the link may know: title, topic, and whether joining is open. */
export function getJoinInfo(id: string, signal?: AbortSignal): Promise<JoinInfo> {
  return request<JoinInfo>(`${mesaPath(id)}/join`, { ...(signal ? { signal } : {}) });
}

/**
 * Joins a mesa as a participant; the token it returns is short-lived. Sending back the
 * `participantId` and `renewal` of an earlier join keeps one identity (and colour), even after
 * the join link was closed. Refused with `403 join_closed` or `403 mesa_closed`.
 */
export function joinMesa(id: string, input: JoinInput): Promise<JoinResponse> {
  return request<JoinResponse>(`${mesaPath(id)}/join`, { method: 'POST', body: input });
}

/** A collaboration token for the signed-in account in this mesa. */
export function requestMesaToken(id: string): Promise<AccountTokenResponse> {
  return request<AccountTokenResponse>(`${mesaPath(id)}/token`, { method: 'POST' });
}

/** Opens or closes the join link, closes or reopens the mesa (facilitators). */
export async function updateMesa(id: string, changes: { joinOpen?: boolean; status?: MesaStatus }): Promise<MesaRecord> {
  return (await request<{ mesa: MesaRecord }>(mesaPath(id), { method: 'PATCH', body: changes })).mesa;
}
