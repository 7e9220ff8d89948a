import { Router } from 'express';
import { z } from 'zod';
import { verifyAgainstNothing, verifyPassword } from '../auth/passwords';
import { normalizeEmail } from '../storage/AccessStorage';
import { actorOf, type AccessDeps } from './accessDeps';
import { authOf } from './auth';
import { HttpError, parseBody } from './errors';
import { clearSessionCookie, newSession, setSessionCookie } from './sessionCookie';

const signInSchema = z.object({
  email: z.string({ error: 'Escribe tu correo.' }).trim().min(1, { error: 'Escribe tu correo.' }).max(254, { error: 'El correo es demasiado largo.' }),
  password: z.string({ error: 'Escribe tu contraseña.' }).min(1, { error: 'Escribe tu contraseña.' }).max(200, { error: 'La contraseña es demasiado larga.' }),
});

const invalidCredentials = () => new HttpError(401, 'invalid_credentials', 'Correo o contraseña incorrectos.');

/** `/api/auth`: sign-in, sign-out and who is signed in (docs/api-accounts.md). */
export function authRoutes({ gate, audit, accounts, revocations, sessions, limits }: AccessDeps): Router {
  const r = Router();

  r.post('/sign-in', limits.signIn, async (req, res) => {
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

  r.get('/me', async (_req, res) => {
    const p = gate.account(res);
    const account = await accounts.get(p.id);
    res.json({ account, csrfToken: authOf(res).csrfToken });
  });

  return r;
}
