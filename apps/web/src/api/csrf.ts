/**
 * The session's CSRF token, sent as `X-CSRF-Token` on every cookie-authenticated write. It comes
 * from sign-in, invitation acceptance or `GET /api/auth/me`; a `403 csrf` refreshes it once.
 */
let current: string | null = null;
let refreshing: Promise<string | null> | null = null;
const lostListeners = new Set<() => void>();

/** The token to send now, or `null` when none is known (signed out, or not asked yet). */
export function csrfToken(): string | null {
  return current;
}

/** Remembers the token the server just handed out (`null` after sign-out). */
export function setCsrfToken(token: string | null): void {
  current = token;
}

/**
 * Asks `GET /api/auth/me` for the session's token again (one request for concurrent callers);
 * resolves to `null` when there is no session any more, and then tells the listeners.
 */
export function refreshCsrfToken(): Promise<string | null> {
  refreshing ??= (async () => {
    try {
      const res = await fetch('/api/auth/me', { credentials: 'same-origin', headers: { accept: 'application/json' } });
      if (res.status === 401) {
        current = null;
        notifySessionLost();
        return null;
      }
      const body = (await res.json().catch(() => null)) as { csrfToken?: unknown } | null;
      current = res.ok && typeof body?.csrfToken === 'string' ? body.csrfToken : null;
      return current;
    } catch {
      return null;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/** Called when a cookie request finds the session gone (expired, signed out elsewhere, disabled). */
export function onSessionLost(listener: () => void): () => void {
  lostListeners.add(listener);
  return () => lostListeners.delete(listener);
}

/** Tells every listener the session is gone. */
export function notifySessionLost(): void {
  current = null;
  for (const l of lostListeners) l();
}
