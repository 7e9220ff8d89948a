import { Router } from 'express';
import { z } from 'zod';
import { alternativeInputSchema, commitmentInputSchema, reviewInputSchema } from '@cocrea/domain';
import { roadmapDocumentName, treeDocumentName } from '@cocrea/collab';
import type { CommitmentService } from '../services/CommitmentService';
import type { CommitmentStore } from '../storage/CommitmentStore';
import { principalOf } from './auth';
import { httpErrors, parseBody } from './errors';
import { documentFormat, sendDocumentExport, sendTreeExport } from './sendExport';

/** What the commitment routes need. */
export interface CommitmentRoutesDeps {
  service: CommitmentService;
  commitments: CommitmentStore;
}

/** `/api/mesas/:mesaId/{alternatives,commitments}`. */
export function mesaCommitmentRoutes({ service, commitments }: CommitmentRoutesDeps): Router {
  const r = Router({ mergeParams: true });
  const mesaIdOf = (params: Record<string, string>) => service.mesa(params.mesaId ?? '').id;

  r.get('/alternatives', (req, res) => {
    res.json({ alternatives: commitments.alternatives(mesaIdOf(req.params)) });
  });

  r.post('/alternatives', async (req, res) => {
    const mesaId = mesaIdOf(req.params);
    const by = principalOf(req, res, mesaId);
    const alternative = await service.addAlternative(mesaId, parseBody(alternativeInputSchema, req.body), by);
    res.status(201).json({ alternative });
  });

  r.get('/commitments', (req, res) => {
    res.json({ commitments: commitments.byMesa(mesaIdOf(req.params)) });
  });

  r.post('/commitments', (req, res) => {
    const mesaId = mesaIdOf(req.params);
    const by = principalOf(req, res, mesaId);
    const created = service.create(mesaId, parseBody(commitmentInputSchema, req.body), by);
    res.status(201).location(`/api/commitments/${created.commitment.id}`).json(created);
  });

  return r;
}

const versionParam = z.coerce.number().int().positive();

/** `/api/commitments/:id/...`: one commitment, its review, finalization, versions and exports. */
export function commitmentRoutes({ service, commitments }: CommitmentRoutesDeps): Router {
  const r = Router();

  const versionOf = (id: string, v: string) => {
    const n = versionParam.safeParse(v);
    const version = n.success ? commitments.version(id, n.data) : undefined;
    if (!version) throw httpErrors.versionNotFound();
    return version;
  };

  r.get('/:id', (req, res) => {
    const commitment = service.get(req.params.id);
    res.json({
      commitment,
      documents: { tree: treeDocumentName(commitment.mesaId), roadmap: roadmapDocumentName(commitment.mesaId, commitment.id) },
      versions: commitments.versions(commitment.id),
    });
  });

  r.post('/:id/review', (req, res) => {
    const c = service.get(req.params.id);
    const by = principalOf(req, res, c.mesaId);
    res.json({ commitment: service.review(c.id, parseBody(reviewInputSchema, req.body), by) });
  });

  r.post('/:id/definitive', (req, res) => {
    const c = service.get(req.params.id);
    res.json({ commitment: service.makeDefinitive(c.id, principalOf(req, res, c.mesaId)) });
  });

  r.post('/:id/finalize', async (req, res) => {
    const c = service.get(req.params.id);
    const result = await service.finalize(c.id, principalOf(req, res, c.mesaId));
    res.status(201).json(result);
  });

  r.post('/:id/reopen', (req, res) => {
    const c = service.get(req.params.id);
    principalOf(req, res, c.mesaId);
    res.json({ commitment: service.reopen(c.id) });
  });

  r.get('/:id/versions', (req, res) => {
    res.json({ versions: commitments.versions(service.get(req.params.id).id) });
  });

  r.get('/:id/versions/:v', (req, res) => {
    res.json({ version: versionOf(req.params.id, req.params.v) });
  });

  r.get('/:id/versions/:v/export.:format', async (req, res) => {
    const format = documentFormat(req.params.format);
    const version = versionOf(req.params.id, req.params.v);
    await sendDocumentExport(res, format, `compromiso-${version.content.commitment.title}-v${version.version}`, null, [version]);
  });

  r.get('/:id/versions/:v/tree.:format', (req, res) => {
    const format = req.params.format;
    if (format !== 'svg' && format !== 'png') throw httpErrors.notFound();
    const version = versionOf(req.params.id, req.params.v);
    sendTreeExport(res, format, `arbol-${version.content.commitment.title}-v${version.version}`, version);
  });

  return r;
}
