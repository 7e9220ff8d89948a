import { Router, type Response } from 'express';
import { z } from 'zod';
import * as Y from 'yjs';
import { alternativeInputSchema, commitmentInputSchema, reviewInputSchema } from '@cocrea/domain';
import { roadmapDocumentName, treeDocumentName } from '@cocrea/collab';
import type { DocumentAccess } from '../collab/DocumentAccess';
import type { ExportRenderer } from '../exports/ExportRenderer';
import type { AuditTrail } from '../services/AuditTrail';
import type { CommitmentService } from '../services/CommitmentService';
import type { CommitmentRepository } from '../storage/Storage';
import { actorOf } from './accessDeps';
import type { Gate } from './auth';
import { httpErrors, parseBody } from './errors';
import { documentFormat, sendDocumentExport, sendTree, sendTreeExport } from './sendExport';

/** What the commitment routes need. */
export interface CommitmentRoutesDeps {
  service: CommitmentService;
  commitments: CommitmentRepository;
  gate: Gate;
  audit: AuditTrail;
  /** Live reads of shared documents (the mesa's tree as it is now). */
  docs: DocumentAccess;
  /** Renders PDF, DOCX and tree pictures off the event loop. */
  exports: ExportRenderer;
}

/** `/api/mesas/:mesaId/{alternatives,commitments}`. */
export function mesaCommitmentRoutes({ service, commitments, gate, audit, docs, exports }: CommitmentRoutesDeps): Router {
  const r = Router({ mergeParams: true });
  const mesaOf = (params: Record<string, string>) => service.mesa(params.mesaId ?? '');

  r.get('/alternatives', async (req, res) => {
    const mesa = await mesaOf(req.params);
    await gate.checkMesa(res, 'mesa.read', mesa);
    res.json({ alternatives: await commitments.alternatives(mesa.id) });
  });

  r.post('/alternatives', async (req, res) => {
    const mesa = await mesaOf(req.params);
    const by = await gate.checkMesa(res, 'mesa.contribute', mesa);
    const alternative = await service.addAlternative(mesa.id, parseBody(alternativeInputSchema, req.body), by);
    await audit.record(actorOf(by), 'alternative.create', { mesaId: mesa.id }, { alternativeId: alternative.id });
    res.status(201).json({ alternative });
  });

  r.get('/tree.:format', async (req, res) => {
    const format = req.params.format;
    if (format !== 'svg' && format !== 'png') throw httpErrors.notFound();
    const mesa = await mesaOf(req.params);
    await gate.checkMesa(res, 'mesa.read', mesa);
    const state = await docs.read(treeDocumentName(mesa.id), (doc) => Y.encodeStateAsUpdate(doc));
    await sendTree(exports, res, format, `arbol-${mesa.title}`, state, mesa.title);
  });

  r.get('/commitments', async (req, res) => {
    const mesa = await mesaOf(req.params);
    await gate.checkMesa(res, 'mesa.read', mesa);
    res.json({ commitments: await commitments.byMesa(mesa.id) });
  });

  r.post('/commitments', async (req, res) => {
    const mesa = await mesaOf(req.params);
    const by = await gate.checkMesa(res, 'mesa.contribute', mesa);
    const created = await service.create(mesa.id, parseBody(commitmentInputSchema, req.body), by);
    await audit.record(actorOf(by), 'commitment.create', { mesaId: mesa.id, commitmentId: created.commitment.id }, { title: created.commitment.title });
    res.status(201).location(`/api/commitments/${created.commitment.id}`).json(created);
  });

  return r;
}

const versionParam = z.coerce.number().int().positive();

/** `/api/commitments/:id/...`: one commitment, its review, finalization, versions and exports. */
export function commitmentRoutes({ service, commitments, gate, audit, exports }: CommitmentRoutesDeps): Router {
  const r = Router();

  /** The commitment, once the caller may read its mesa. */
  const readable = async (id: string, res: Response) => {
    const commitment = await service.get(id);
    await gate.checkMesa(res, 'mesa.read', await service.mesa(commitment.mesaId));
    return commitment;
  };

  const versionOf = async (id: string, v: string, res: Response) => {
    const commitment = await readable(id, res);
    const n = versionParam.safeParse(v);
    const version = n.success ? await commitments.version(commitment.id, n.data) : undefined;
    if (!version) throw httpErrors.versionNotFound();
    return version;
  };

  r.get('/:id', async (req, res) => {
    const commitment = await readable(req.params.id, res);
    res.json({
      commitment,
      documents: { tree: treeDocumentName(commitment.mesaId), roadmap: roadmapDocumentName(commitment.mesaId, commitment.id) },
      versions: await commitments.versions(commitment.id),
    });
  });

  r.post('/:id/review', async (req, res) => {
    const c = await service.get(req.params.id);
    const by = gate.check(res, 'commitment.review');
    const commitment = await service.review(c.id, parseBody(reviewInputSchema, req.body), by);
    await audit.record(actorOf(by), 'commitment.review', { mesaId: c.mesaId, commitmentId: c.id }, { decision: commitment.review?.decision ?? null });
    res.json({ commitment });
  });

  r.post('/:id/definitive', async (req, res) => {
    const c = await service.get(req.params.id);
    const by = gate.check(res, 'commitment.decide');
    const commitment = await service.makeDefinitive(c.id, by);
    await audit.record(actorOf(by), 'commitment.definitive', { mesaId: c.mesaId, commitmentId: c.id });
    res.json({ commitment });
  });

  r.post('/:id/finalize', async (req, res) => {
    const c = await service.get(req.params.id);
    const by = gate.check(res, 'commitment.decide');
    const result = await service.finalize(c.id, by);
    await audit.record(actorOf(by), 'commitment.finalize', { mesaId: c.mesaId, commitmentId: c.id }, { version: result.version.version, contentHash: result.version.contentHash });
    res.status(201).json(result);
  });

  r.post('/:id/reopen', async (req, res) => {
    const c = await service.get(req.params.id);
    const by = gate.check(res, 'commitment.decide');
    const commitment = await service.reopen(c.id, by);
    await audit.record(actorOf(by), 'commitment.reopen', { mesaId: c.mesaId, commitmentId: c.id }, { version: commitment.version });
    res.json({ commitment });
  });

  r.get('/:id/versions', async (req, res) => {
    res.json({ versions: await commitments.versions((await readable(req.params.id, res)).id) });
  });

  r.get('/:id/versions/:v', async (req, res) => {
    res.json({ version: await versionOf(req.params.id, req.params.v, res) });
  });

  r.get('/:id/versions/:v/export.:format', async (req, res) => {
    const format = documentFormat(req.params.format);
    const version = await versionOf(req.params.id, req.params.v, res);
    await sendDocumentExport(exports, res, format, `compromiso-${version.content.commitment.title}-v${version.version}`, null, [version]);
  });

  r.get('/:id/versions/:v/tree.:format', async (req, res) => {
    const format = req.params.format;
    if (format !== 'svg' && format !== 'png') throw httpErrors.notFound();
    const version = await versionOf(req.params.id, req.params.v, res);
    await sendTreeExport(exports, res, format, `arbol-${version.content.commitment.title}-v${version.version}`, version);
  });

  return r;
}
