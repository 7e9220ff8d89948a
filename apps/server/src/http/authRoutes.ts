import { Router } from 'express';
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../auth/passwordStrength';
import { hashPassword, verifyAgainstNothing, verifyPassword } from '../auth/passwords';
import { normalizeEmail } from '../storage/AccessStorage';
import { actorOf, type AccessDeps } from './accessDeps';
import { authOf, denialError } from './auth';
import { HttpError, parseBody } from './errors';
import { clearSessionCookie, newSession, setSessionCookie } from './sessionCookie';
import { requireStrongPassword } from './strongPassword';

const signInSchema = z.object({
  email: z.string({ error: 'Escribe tu correo.' }).trim().min(1, { error: 'Escribe tu correo.' }).max(254, { error: 'El correo es demasiado largo.' }),
  password: z.string({ error: 'Escribe tu contraseña.' }).min(1, { error: 'Escribe tu contraseña.' }).max(200, { error: 'La contraseña es demasiado larga.' }),
});

const changePasswordSchema = z.object({
  currentPassword: z.string({ error: 'Escribe tu contraseña actual.' }).min(1, { error: 'Escribe tu contraseña actual.' }).max(PASSWORD_MAX_LENGTH, { error: 'La contraseña es demasiado larga.' }),
  newPassword: z
    .string({ error: 'Escribe la contraseña nueva.' })
    .min(PASSWORD_MIN_LENGTH, { error: `La contraseña debe tener al menos ${PASSWORD_MIN_LENGTH} caracteres.` })
    .max(PASSWORD_MAX_LENGTH, { error: `La contraseña admite como máximo ${PASSWORD_MAX_LENGTH} caracteres.` }),
});

const invalidCredentials = () => new HttpError(401, 'invalid_credentials', 'Correo o contraseña incorrectos.');

/** `/api/auth`: sign-in, sign-out, who is signed in, and changing one's password (docs/api-accounts.md). */
export function authRoutes({ gate, audit, accounts, revocations, sessions, limits }: AccessDeps): Router {
  const r = Router();

  r.post('/sign-in', limits.signIn, limits.signInAccount, async (req, res) => {
    const { email, password } = parseBody(signInSchema, req.body);
    const found = await accounts.credentials(email);
    // An unknown email costs the same time as a wrong password: timing tells nobody which exist.
    const ok = found ? await verifyPassword(password, found.passwordHash) : await verifyAgainstNothing(password);
    if (!found || !ok) {
      await audit.record(null, 'auth.sign_in_failed', {}, { email: normalizeEmail(email) });
      throw invalidCredentials();
    }
    const { account } = found;
    if (account.disabled) {
      await audit.record(actorOf(account), 'auth.sign_in_failed', {}, { email: account.email, reason: 'disabled' });
      throw new HttpError(403, 'account_disabled', 'Tu cuenta está desactivada. Pide ayuda a quien administra cocrea.');
    }
    const { id, stored } = newSession(account.id, sessions);
    await accounts.createSession(stored);
    setSessionCookie(res, id, stored, sessions.secure);
    await audit.record(actorOf(account), 'auth.sign_in');
    res.json({ account, csrfToken: stored.csrfToken });
  });

  r.post('/sign-out', async (_req, res) => {
    const p = gate.account(res);
    await accounts.deleteSession(p.sessionId);
    revocations.sessionEnded(p.sessionId);
    clearSessionCookie(res, sessions.secure);
    await audit.record(actorOf(p), 'auth.sign_out');
    res.status(204).end();
  });

  // Failed attempts count against the IP like failed sign-ins: a stolen session cannot be used
  // to guess the password behind it.
  r.post('/password', limits.signIn, async (req, res) => {
    const p = gate.check(res, 'auth.password');
    if (p.kind !== 'account') throw denialError('forbidden', res);
    const { currentPassword, newPassword } = parseBody(changePasswordSchema, req.body);
    const found = await accounts.credentials(p.email);
    if (!found || !(await verifyPassword(currentPassword, found.passwordHash))) {
      await audit.record(actorOf(p), 'account.password_change_failed');
      throw new HttpError(403, 'wrong_password', 'La contraseña actual no es correcta.');
    }
    if (newPassword === currentPassword) throw new HttpError(400, 'weak_password', 'La contraseña nueva debe ser distinta de la actual.');
    await requireStrongPassword(newPassword, { email: p.email, name: p.name });
    const ended = await accounts.changePassword(p.id, await hashPassword(newPassword), p.sessionId);
    if (!ended) throw denialError('unauthenticated', res);
    // Whoever else held a session (a forgotten browser, someone who learnt the old password) is out.
    revocations.otherSessionsEnded(p.id, p.sessionId);
    await audit.record(actorOf(p), 'account.password_change', {}, { sessionsEnded: ended.length });
    res.status(204).end();
  });

  r.get('/me', async (_req, res) => {
    const p = gate.account(res);
    const account = await accounts.get(p.id);
    res.json({ account, csrfToken: authOf(res).csrfToken });
  });

  return r;
}
