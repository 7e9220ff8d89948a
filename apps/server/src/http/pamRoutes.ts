import { Router } from 'express';
import { z } from 'zod';
import { actionPlanInputSchema, isoDate } from '@cocrea/domain';
import type { ExportRenderer } from '../exports/ExportRenderer';
import type { ActionPlanService } from '../services/ActionPlanService';
import type { AuditTrail } from '../services/AuditTrail';
import type { ActionPlanRepository } from '../storage/Storage';
import { actorOf } from './accessDeps';
import type { Gate } from './auth';
import { httpErrors, parseBody } from './errors';
import { documentFormat, sendDocumentExport, sendTreeExport } from './sendExport';

/** What the PAM routes need. */
export interface PamRoutesDeps {
  plans: ActionPlanService;
  planStore: ActionPlanRepository;
  gate: Gate;
  audit: AuditTrail;
  /** Renders PDF, DOCX and tree pictures off the event loop. */
  exports: ExportRenderer;
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
export function pamRoutes({ plans, planStore, gate, audit, exports }: PamRoutesDeps): Router {
  const r = Router();

  r.get('/', async (_req, res) => {
    gate.check(res, 'pam.read');
    res.json({ pams: await planStore.list() });
  });

  r.post('/', async (req, res) => {
    const by = gate.check(res, 'pam.write');
    const pam = await plans.create(parseBody(actionPlanInputSchema, req.body), by);
    await audit.record(actorOf(by), 'pam.create', { planId: pam.id }, { title: pam.title, municipality: pam.municipality });
    res.status(201).location(`/api/pams/${pam.id}`).json({ pam });
  });

  r.get('/:id', async (req, res) => {
    gate.check(res, 'pam.read');
    const pam = await plans.get(req.params.id);
    res.json({ pam, commitments: await plans.versionsOf(pam) });
  });

  r.patch('/:id', async (req, res) => {
    const by = gate.check(res, 'pam.write');
    const changes = parseBody(patchSchema, req.body);
    const pam = await plans.update(req.params.id, changes);
    await audit.record(actorOf(by), 'pam.update', { planId: pam.id }, { changes });
    res.json({ pam });
  });

  r.post('/:id/entries', async (req, res) => {
    const by = gate.check(res, 'pam.write');
    const { commitmentId, version } = parseBody(entrySchema, req.body);
    const pam = await plans.addEntry(req.params.id, commitmentId, version);
    const entry = pam.entries.find((e) => e.commitmentId === commitmentId);
    await audit.record(actorOf(by), 'pam.entry_set', { planId: pam.id, commitmentId }, { version: entry?.version ?? null });
    res.json({ pam });
  });

  r.delete('/:id/entries/:commitmentId', async (req, res) => {
    const by = gate.check(res, 'pam.write');
    const pam = await plans.removeEntry(req.params.id, req.params.commitmentId);
    await audit.record(actorOf(by), 'pam.entry_remove', { planId: pam.id, commitmentId: req.params.commitmentId });
    res.json({ pam });
  });

  r.post('/:id/approve', async (req, res) => {
    const by = gate.check(res, 'pam.approve');
    const pam = await plans.advance(req.params.id, 'aprobado', by);
    await audit.record(actorOf(by), 'pam.approve', { planId: pam.id });
    res.json({ pam });
  });

  r.post('/:id/publish', async (req, res) => {
    const by = gate.check(res, 'pam.publish');
    const pam = await plans.advance(req.params.id, 'publicado', by);
    await audit.record(actorOf(by), 'pam.publish', { planId: pam.id }, { launchDate: pam.launchDate, validUntil: pam.validUntil });
    res.json({ pam });
  });

  r.get('/:id/export.:format', async (req, res) => {
    gate.check(res, 'pam.read');
    const format = documentFormat(req.params.format);
    const pam = await plans.get(req.params.id);
    await sendDocumentExport(exports, res, format, `pam-${pam.municipality}-${pam.title}`, pam, await plans.versionsOf(pam));
  });

  return r;
}

/** `/api/public/pams`: published plans only, for anyone. */
export function publicPamRoutes({ plans, planStore, exports }: PamRoutesDeps): Router {
  const r = Router();
  r.get('/', async (_req, res) => {
    res.json({ pams: await planStore.list('publicado') });
  });
  r.get('/:id', async (req, res) => {
    const pam = await plans.getPublished(req.params.id);
    res.json({ pam, commitments: await plans.versionsOf(pam) });
  });
  // A published PAM's files are as public as the PAM: the whole plan, and each commitment
  // version it includes (no other version of the same commitment).
  r.get('/:id/export.:format', async (req, res) => {
    const format = documentFormat(req.params.format);
    const pam = await plans.getPublished(req.params.id);
    await sendDocumentExport(exports, res, format, `pam-${pam.municipality}-${pam.title}`, pam, await plans.versionsOf(pam));
  });
  const includedVersion = async (pamId: string, commitmentId: string) => {
    const pam = await plans.getPublished(pamId);
    const version = (await plans.versionsOf(pam)).find((v) => v.content.commitment.id === commitmentId);
    if (!version) throw httpErrors.notFound();
    return version;
  };
  r.get('/:id/commitments/:commitmentId/export.:format', async (req, res) => {
    const format = documentFormat(req.params.format);
    const version = await includedVersion(req.params.id, req.params.commitmentId);
    await sendDocumentExport(exports, res, format, `compromiso-${version.content.commitment.title}-v${version.version}`, null, [version]);
  });
  r.get('/:id/commitments/:commitmentId/tree.:format', async (req, res) => {
    const format = req.params.format;
    if (format !== 'svg' && format !== 'png') throw httpErrors.notFound();
    const version = await includedVersion(req.params.id, req.params.commitmentId);
    await sendTreeExport(exports, res, format, `arbol-${version.content.commitment.title}-v${version.version}`, version);
  });
  return r;
}
