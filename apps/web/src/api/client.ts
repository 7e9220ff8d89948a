import type { Mesa } from '@cocrea/domain';

/** A failed request, carrying the server's stable code and its person-readable Spanish message. */
export class ApiError extends Error {
  constructor(
    /** Stable error code from the server, or `network` / `bad-response` for client-side failures. */
    readonly code: string,
    message: string,
    /** HTTP status; 0 when the request never got an answer. */
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

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

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function errorFrom(body: unknown, status: number): ApiError {
  const err = isRecord(body) ? body.error : undefined;
  if (isRecord(err) && typeof err.message === 'string') {
    return new ApiError(typeof err.code === 'string' ? err.code : 'error', err.message, status);
  }
  return new ApiError('bad-response', '', status);
}

async function request<T>(path: string, init?: { method?: string; body?: unknown; signal?: AbortSignal }): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: init?.method ?? 'GET',
      headers: init?.body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: init?.body === undefined ? null : JSON.stringify(init.body),
      signal: init?.signal ?? null,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError('network', '', 0);
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) throw errorFrom(body, res.status);
  if (body === null) throw new ApiError('bad-response', '', res.status);
  return body as T;
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
