import { Router } from 'express';
import { z } from 'zod';
import type { AccessDeps } from './accessDeps';
import { parseBody } from './errors';

const querySchema = z.object({
  mesaId: z.string().min(1).optional(),
  commitmentId: z.string().min(1).optional(),
  planId: z.string().min(1).optional(),
  limit: z.coerce
    .number({ error: 'El límite debe ser un número.' })
    .int({ error: 'El límite debe ser un número entero.' })
    .min(1, { error: 'El límite va de 1 a 500.' })
    .max(500, { error: 'El límite va de 1 a 500.' })
    .default(100),
  before: z.coerce.number({ error: 'before debe ser el id de una entrada.' }).int({ error: 'before debe ser el id de una entrada.' }).positive({ error: 'before debe ser el id de una entrada.' }).optional(),
});

/** `/api/audit`: the append-only audit log, newest first, for facilitators. */
export function auditRoutes({ gate, auditLog }: AccessDeps): Router {
  const r = Router();
  r.get('/', async (req, res) => {
    gate.check(res, 'audit.read');
    const q = parseBody(querySchema, req.query);
    res.json({ entries: await auditLog.list(q) });
  });
  return r;
}
