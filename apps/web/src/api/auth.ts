import type { Account, SessionInfo } from './accountTypes';
import { setCsrfToken } from './csrf';
import { ApiError, request } from './http';

function adopt(info: SessionInfo): Account {
  setCsrfToken(info.csrfToken);
  return info.account;
}

/** Signs in with email and password; the server sets the session cookie. */
export async function signIn(email: string, password: string): Promise<Account> {
  return adopt(await request<SessionInfo>('/api/auth/sign-in', { method: 'POST', body: { email, password } }));
}

/** Ends the session (its sockets are closed by the server). */
export async function signOut(): Promise<void> {
  try {
    await request<undefined>('/api/auth/sign-out', { method: 'POST' });
  } finally {
    setCsrfToken(null);
  }
}

/** Changes this account's password; the server ends its other sessions and keeps this one. */
export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await request<undefined>('/api/auth/password', { method: 'POST', body: { currentPassword, newPassword } });
}

/** The signed-in account, or `null` for a visitor (no session, or it ended). */
export async function currentAccount(signal?: AbortSignal): Promise<Account | null> {
  try {
    return adopt(await request<SessionInfo>('/api/auth/me', signal ? { signal } : {}));
  } catch (e) {
    // 401: nobody is signed in. 404: a server without accounts, the same for this client.
    if (e instanceof ApiError && (e.status === 401 || e.status === 404)) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

/** Keeps the session an invitation acceptance opened. */
export function adoptSession(info: SessionInfo): Account {
  return adopt(info);
}
