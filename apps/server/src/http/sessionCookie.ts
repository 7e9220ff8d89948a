import type { CookieOptions, Response } from 'express';
import { digest, newSecret, SESSION_COOKIE } from '../auth/secrets';
import type { StoredSession } from '../storage/AccessStorage';

/** How sessions are made: their lifetime, and whether the cookie is `Secure` (PUBLIC_URL is https). */
export interface SessionSettings {
  ttlHours: number;
  secure: boolean;
}

/** A new session: the id for the cookie, and what the database keeps (its SHA-256, a CSRF token). */
export function newSession(accountId: string, settings: SessionSettings, now = new Date()): { id: string; stored: StoredSession } {
  const id = newSecret();
  const stored: StoredSession = {
    idHash: digest(id),
    accountId,
    csrfToken: newSecret(),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + settings.ttlHours * 3_600_000).toISOString(),
  };
  return { id, stored };
}

const cookieOptions = (secure: boolean): CookieOptions => ({ httpOnly: true, sameSite: 'lax', path: '/', secure });

/** Sets `cocrea_session` (HttpOnly, SameSite=Lax, Path=/, Secure over https) until the session expires. */
export function setSessionCookie(res: Response, id: string, session: StoredSession, secure: boolean): void {
  res.cookie(SESSION_COOKIE, id, { ...cookieOptions(secure), expires: new Date(session.expiresAt) });
}

/** Removes `cocrea_session` from the browser. */
export function clearSessionCookie(res: Response, secure: boolean): void {
  res.clearCookie(SESSION_COOKIE, cookieOptions(secure));
}
