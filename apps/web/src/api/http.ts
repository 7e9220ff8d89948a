import { csrfToken, notifySessionLost, refreshCsrfToken } from './csrf';

/** A failed request, carrying the server's stable code and its person-readable Spanish message. */
export class ApiError extends Error {
  constructor(
    /** Stable error code from the server, or `network` / `bad-response` for client-side failures. */
    readonly code: string,
    message: string,
    /** HTTP status; 0 when the request never got an answer. */
    readonly status: number,
    /** The server's `details` (e.g. `{ missing: string[] }` for an incomplete roadmap). */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** How to send one request. */
export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /**
   * A participant's collaboration token, sent as `Authorization: Bearer <token>` (it wins over
   * any cookie). Without it the request rides on the session cookie, and a write carries the
   * session's CSRF token.
   */
  token?: string | undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function errorFrom(body: unknown, status: number): ApiError {
  const err = isRecord(body) ? body.error : undefined;
  if (isRecord(err) && typeof err.message === 'string') {
    return new ApiError(typeof err.code === 'string' ? err.code : 'error', err.message, status, err.details);
  }
  return new ApiError('bad-response', '', status);
}

const UNSAFE = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

async function send(path: string, init: ApiRequest, method: string, csrf: string | null): Promise<{ res: Response; parsed: unknown }> {
  const body = init.body ?? (method === 'POST' || method === 'PATCH' ? {} : undefined);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
  else if (csrf !== null) headers['x-csrf-token'] = csrf;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      credentials: 'same-origin',
      signal: init.signal ?? null,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError('network', '', 0);
  }
  const parsed: unknown = res.status === 204 ? null : await res.json().catch(() => null);
  return { res, parsed };
}

const codeOf = (parsed: unknown) => (isRecord(parsed) && isRecord(parsed.error) ? parsed.error.code : undefined);

/**
 * Sends a JSON request under `/api` and returns the parsed answer (`undefined` for `204`);
 * rejects with an {@link ApiError}. A POST without a body sends `{}` (the server wants JSON on
 * every write). A cookie write refused with `403 csrf` fetches the session's token again and is
 * sent once more; a cookie request answered `401` while signed in reports the session as lost.
 */
export async function request<T>(path: string, init: ApiRequest = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const cookieWrite = init.token === undefined && UNSAFE.has(method);
  let { res, parsed } = await send(path, init, method, cookieWrite ? csrfToken() : null);
  if (cookieWrite && res.status === 403 && codeOf(parsed) === 'csrf') {
    const fresh = await refreshCsrfToken();
    if (fresh !== null) ({ res, parsed } = await send(path, init, method, fresh));
  }
  if (res.status === 401 && init.token === undefined && csrfToken() !== null && !path.startsWith('/api/auth/')) {
    notifySessionLost();
  }
  if (!res.ok) throw errorFrom(parsed, res.status);
  if (res.status === 204) return undefined as T;
  if (parsed === null) throw new ApiError('bad-response', '', res.status);
  return parsed as T;
}

/** The `missing` list of a refused finalize (`422 roadmap_incomplete`), or `null`. */
export function missingOf(e: unknown): string[] | null {
  if (!(e instanceof ApiError) || !isRecord(e.details)) return null;
  const m = e.details.missing;
  return Array.isArray(m) && m.every((x) => typeof x === 'string') ? m : null;
}
