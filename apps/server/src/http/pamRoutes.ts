import { Router } from 'express';
import { z } from 'zod';
import { actionPlanInputSchema, isoDate } from '@cocrea/domain';
import type { ActionPlanService } from '../services/ActionPlanService';
import type { ActionPlanRepository } from '../storage/Storage';
import { principalOf } from './auth';
import { parseBody } from './errors';
import { documentFormat, sendDocumentExport } from './sendExport';

/** What the PAM routes need. */
export interface PamRoutesDeps {
  plans: ActionPlanService;
  planStore: ActionPlanRepository;
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

  r.get('/', async (_req, res) => {
    res.json({ pams: await planStore.list() });
  });

  r.post('/', async (req, res) => {
    const by = principalOf(req, res);
    const pam = await plans.create(parseBody(actionPlanInputSchema, req.body), by);
    res.status(201).location(`/api/pams/${pam.id}`).json({ pam });
  });

  r.get('/:id', async (req, res) => {
    const pam = await plans.get(req.params.id);
    res.json({ pam, commitments: await plans.versionsOf(pam) });
  });

  r.patch('/:id', async (req, res) => {
    principalOf(req, res);
    res.json({ pam: await plans.update(req.params.id, parseBody(patchSchema, req.body)) });
  });

  r.post('/:id/entries', async (req, res) => {
    principalOf(req, res);
    const { commitmentId, version } = parseBody(entrySchema, req.body);
    res.json({ pam: await plans.addEntry(req.params.id, commitmentId, version) });
  });

  r.delete('/:id/entries/:commitmentId', async (req, res) => {
    principalOf(req, res);
    res.json({ pam: await plans.removeEntry(req.params.id, req.params.commitmentId) });
  });

  r.post('/:id/approve', async (req, res) => {
    res.json({ pam: await plans.advance(req.params.id, 'aprobado', principalOf(req, res)) });
  });

  r.post('/:id/publish', async (req, res) => {
    res.json({ pam: await plans.advance(req.params.id, 'publicado', principalOf(req, res)) });
  });

  r.get('/:id/export.:format', async (req, res) => {
    const format = documentFormat(req.params.format);
    const pam = await plans.get(req.params.id);
    await sendDocumentExport(res, format, `pam-${pam.municipality}-${pam.title}`, pam, await plans.versionsOf(pam));
  });

  return r;
}

/** `/api/public/pams`: published plans only, for anyone. */
export function publicPamRoutes({ plans, planStore }: PamRoutesDeps): Router {
  const r = Router();
  r.get('/', async (_req, res) => {
    res.json({ pams: await planStore.list('publicado') });
  });
  r.get('/:id', async (req, res) => {
    const pam = await plans.getPublished(req.params.id);
    res.json({ pam, commitments: await plans.versionsOf(pam) });
  });
  return r;
}
