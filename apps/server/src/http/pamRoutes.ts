import { Router } from 'express';
import { z } from 'zod';
import { actionPlanInputSchema, isoDate } from '@cocrea/domain';
import type { ActionPlanService } from '../services/ActionPlanService';
import type { ActionPlanStore } from '../storage/ActionPlanStore';
import { principalOf } from './auth';
import { httpErrors, parseBody } from './errors';
import { documentFormat, sendDocumentExport } from './sendExport';

/** What the PAM routes need. */
export interface PamRoutesDeps {
  plans: ActionPlanService;
  planStore: ActionPlanStore;
}

const patchSchema = z.object({
  title: z.string().trim().min(1, { error: 'El título no puede estar vacío.' }).max(200).optional(),
  municipality: z.string().trim().min(1, { error: 'El municipio no puede estar vacío.' }).max(120).optional(),
  launchDate: isoDate.optional(),
});

const entrySchema = z.object({
  commitmentId: z.string({ error: 'Elige un compromiso.' }).min(1, { error: 'Elige un compromiso.' }),
  version: z.number().int().positive().optional(),
});

/** `/api/pams`: the *Planes de Acción Municipal*. */
export function pamRoutes({ plans, planStore }: PamRoutesDeps): Router {
  const r = Router();

  r.get('/', (_req, res) => {
    res.json({ pams: planStore.list() });
  });

  r.post('/', (req, res) => {
    const by = principalOf(req, res);
    const pam = plans.create(parseBody(actionPlanInputSchema, req.body), by);
    res.status(201).location(`/api/pams/${pam.id}`).json({ pam });
  });

  r.get('/:id', (req, res) => {
    const pam = plans.get(req.params.id);
    res.json({ pam, commitments: plans.versionsOf(pam) });
  });

  r.patch('/:id', (req, res) => {
    principalOf(req, res);
    res.json({ pam: plans.update(req.params.id, parseBody(patchSchema, req.body)) });
  });

  r.post('/:id/entries', (req, res) => {
    principalOf(req, res);
    const { commitmentId, version } = parseBody(entrySchema, req.body);
    res.json({ pam: plans.addEntry(req.params.id, commitmentId, version) });
  });

  r.delete('/:id/entries/:commitmentId', (req, res) => {
    principalOf(req, res);
    res.json({ pam: plans.removeEntry(req.params.id, req.params.commitmentId) });
  });

  r.post('/:id/approve', (req, res) => {
    res.json({ pam: plans.advance(req.params.id, 'aprobado', principalOf(req, res)) });
  });

  r.post('/:id/publish', (req, res) => {
    res.json({ pam: plans.advance(req.params.id, 'publicado', principalOf(req, res)) });
  });

  r.get('/:id/export.:format', async (req, res) => {
    const format = documentFormat(req.params.format);
    const pam = plans.get(req.params.id);
    await sendDocumentExport(res, format, `pam-${pam.municipality}-${pam.title}`, pam, plans.versionsOf(pam));
  });

  return r;
}

/** `/api/public/pams`: published plans only, for anyone. */
export function publicPamRoutes({ plans, planStore }: PamRoutesDeps): Router {
  const r = Router();
  r.get('/', (_req, res) => {
    res.json({ pams: planStore.list('publicado') });
  });
  r.get('/:id', (req, res) => {
    const pam = planStore.get(req.params.id);
    if (!pam || pam.status !== 'publicado') throw httpErrors.planNotFound();
    res.json({ pam, commitments: plans.versionsOf(pam) });
  });
  return r;
}
