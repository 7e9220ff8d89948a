import { Router } from 'express';
import { z } from 'zod';
import { alternativeInputSchema, commitmentInputSchema, reviewInputSchema } from '@cocrea/domain';
import { roadmapDocumentName, treeDocumentName } from '@cocrea/collab';
import type { CommitmentService } from '../services/CommitmentService';
import type { CommitmentRepository } from '../storage/Storage';
import { principalOf } from './auth';
import { httpErrors, parseBody } from './errors';
import { documentFormat, sendDocumentExport, sendTreeExport } from './sendExport';

/** What the commitment routes need. */
export interface CommitmentRoutesDeps {
  service: CommitmentService;
  commitments: CommitmentRepository;
}

/** `/api/mesas/:mesaId/{alternatives,commitments}`. */
export function mesaCommitmentRoutes({ service, commitments }: CommitmentRoutesDeps): Router {
  const r = Router({ mergeParams: true });
  const mesaIdOf = async (params: Record<string, string>) => (await service.mesa(params.mesaId ?? '')).id;

  r.get('/alternatives', async (req, res) => {
    res.json({ alternatives: await commitments.alternatives(await mesaIdOf(req.params)) });
  });

  r.post('/alternatives', async (req, res) => {
    const mesaId = await mesaIdOf(req.params);
    const by = principalOf(req, res, mesaId);
    const alternative = await service.addAlternative(mesaId, parseBody(alternativeInputSchema, req.body), by);
    res.status(201).json({ alternative });
  });

  r.get('/commitments', async (req, res) => {
    res.json({ commitments: await commitments.byMesa(await mesaIdOf(req.params)) });
  });

  r.post('/commitments', async (req, res) => {
    const mesaId = await mesaIdOf(req.params);
    const by = principalOf(req, res, mesaId);
    const created = await service.create(mesaId, parseBody(commitmentInputSchema, req.body), by);
    res.status(201).location(`/api/commitments/${created.commitment.id}`).json(created);
  });

  return r;
}

const versionParam = z.coerce.number().int().positive();

/** `/api/commitments/:id/...`: one commitment, its review, finalization, versions and exports. */
export function commitmentRoutes({ service, commitments }: CommitmentRoutesDeps): Router {
  const r = Router();

  const versionOf = async (id: string, v: string) => {
    const n = versionParam.safeParse(v);
    const version = n.success ? await commitments.version(id, n.data) : undefined;
    if (!version) throw httpErrors.versionNotFound();
    return version;
  };

  r.get('/:id', async (req, res) => {
    const commitment = await service.get(req.params.id);
    res.json({
      commitment,
      documents: { tree: treeDocumentName(commitment.mesaId), roadmap: roadmapDocumentName(commitment.mesaId, commitment.id) },
      versions: await commitments.versions(commitment.id),
    });
  });

  r.post('/:id/review', async (req, res) => {
    const c = await service.get(req.params.id);
    const by = principalOf(req, res, c.mesaId);
    res.json({ commitment: await service.review(c.id, parseBody(reviewInputSchema, req.body), by) });
  });

  r.post('/:id/definitive', async (req, res) => {
    const c = await service.get(req.params.id);
    res.json({ commitment: await service.makeDefinitive(c.id, principalOf(req, res, c.mesaId)) });
  });

  r.post('/:id/finalize', async (req, res) => {
    const c = await service.get(req.params.id);
    const result = await service.finalize(c.id, principalOf(req, res, c.mesaId));
    res.status(201).json(result);
  });

  r.post('/:id/reopen', async (req, res) => {
    const c = await service.get(req.params.id);
    res.json({ commitment: await service.reopen(c.id, principalOf(req, res, c.mesaId)) });
  });

  r.get('/:id/versions', async (req, res) => {
    res.json({ versions: await commitments.versions((await service.get(req.params.id)).id) });
  });

  r.get('/:id/versions/:v', async (req, res) => {
    res.json({ version: await versionOf(req.params.id, req.params.v) });
  });

  r.get('/:id/versions/:v/export.:format', async (req, res) => {
    const format = documentFormat(req.params.format);
    const version = await versionOf(req.params.id, req.params.v);
    await sendDocumentExport(res, format, `compromiso-${version.content.commitment.title}-v${version.version}`, null, [version]);
  });

  r.get('/:id/versions/:v/tree.:format', async (req, res) => {
    const format = req.params.format;
    if (format !== 'svg' && format !== 'png') throw httpErrors.notFound();
    const version = await versionOf(req.params.id, req.params.v);
    sendTreeExport(res, format, `arbol-${version.content.commitment.title}-v${version.version}`, version);
  });

  return r;
}
