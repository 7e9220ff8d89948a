import { Router } from 'express';
import { z } from 'zod';
import { ACCOUNT_ROLES } from '../auth/principal';
import { actorOf, type AccessDeps } from './accessDeps';
import { HttpError, parseBody } from './errors';

const patchSchema = z
  .object({
    role: z.enum(ACCOUNT_ROLES, { error: 'Elige un rol: admin, facilitator, stm o expert.' }).optional(),
    disabled: z.boolean({ error: 'Indica si la cuenta queda desactivada (true o false).' }).optional(),
  })
  .refine((v) => v.role !== undefined || v.disabled !== undefined, { message: 'Indica el rol o si la cuenta queda desactivada.' });

/** `/api/accounts`: who has an account; admins change roles and disable accounts. */
export function accountRoutes({ gate, audit, accounts, revocations }: AccessDeps): Router {
  const r = Router();

  r.get('/', async (_req, res) => {
    gate.check(res, 'account.list');
    res.json({ accounts: await accounts.list() });
  });

  r.patch('/:id', async (req, res) => {
    const p = gate.check(res, 'account.update');
    const changes = parseBody(patchSchema, req.body);
    // The last admin must not lock everyone out by accident: another admin changes you.
    if (req.params.id === p.id) throw new HttpError(409, 'self_change_refused', 'No puedes cambiar tu propia cuenta: pide a otra persona administradora que lo haga.');
    const before = await accounts.get(req.params.id);
    if (!before) throw new HttpError(404, 'account_not_found', 'No existe esa cuenta.');
    const account = await accounts.update(before.id, changes);
    if (!account) throw new HttpError(404, 'account_not_found', 'No existe esa cuenta.');
    // Sockets carry what the role allowed when they opened; a disabled account's sessions are gone.
    if (account.role !== before.role || (account.disabled && !before.disabled)) revocations.accountChanged(account.id);
    await audit.record(actorOf(p), 'account.update', {}, { accountId: account.id, changes, before: { role: before.role, disabled: before.disabled } });
    res.json({ account });
  });

  return r;
}
