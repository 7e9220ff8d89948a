import crypto from 'node:crypto';
import * as Y from 'yjs';
import {
  canonicalJson,
  cleanRoadmap,
  ODS_TARGET_CODES,
  roadmapProblems,
  transitionProblem,
  type AlternativeInput,
  type Commitment,
  type CommitmentContent,
  type CommitmentInput,
  type CommitmentVersion,
  type ReviewInput,
  type SolutionAlternative,
  type Stamp,
} from '@cocrea/domain';
import { readRoadmap, readTree, roadmapDocumentName, seedRoadmapDoc, treeDocumentName } from '@cocrea/collab';
import type { Principal } from '../auth/principal';
import type { DocumentAccess } from '../collab/DocumentAccess';
import type { DocumentLocks } from '../collab/DocumentLocks';
import { httpErrors } from '../http/errors';
import { newId } from '../ids';
import type { CommitmentRepository, MesaRepository } from '../storage/Storage';

const stampOf = (p: Principal): Stamp => ({ by: { id: p.id, name: p.name }, at: new Date().toISOString() });

/** SHA-256 (hex) of a commitment's canonical content. */
export function contentHash(content: CommitmentContent): string {
  return crypto.createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/**
 * The path from tree to commitment: alternatives, the preliminary commitment, its feasibility
 * review, *definitivo*, and finalization into an immutable version (and reopening). Every step
 * is stamped with who took it and when.
 */
export class CommitmentService {
  constructor(
    private readonly mesas: MesaRepository,
    private readonly commitments: CommitmentRepository,
    private readonly docs: DocumentAccess,
    private readonly locks: DocumentLocks,
  ) {}

  /** The mesa or a 404. */
  async mesa(mesaId: string) {
    const mesa = await this.mesas.get(mesaId);
    if (!mesa) throw httpErrors.mesaNotFound();
    return mesa;
  }

  /** The commitment or a 404. */
  async get(id: string): Promise<Commitment> {
    const c = await this.commitments.get(id);
    if (!c) throw httpErrors.commitmentNotFound();
    return c;
  }

  /** Records a solution alternative; its causes must be causes in the mesa's tree. */
  async addAlternative(mesaId: string, input: AlternativeInput, by: Principal): Promise<SolutionAlternative> {
    await this.mesa(mesaId);
    const causes = await this.docs.read(treeDocumentName(mesaId), (d) =>
      new Set(readTree(d).nodes.filter((n) => n.kind === 'cause').map((n) => n.id)),
    );
    const unknown = input.causeIds.filter((id) => !causes.has(id));
    if (unknown.length > 0) throw httpErrors.transition('Alguna de las causas elegidas ya no está en el árbol.');
    const alt: SolutionAlternative = { id: newId(), mesaId, text: input.text, causeIds: [...new Set(input.causeIds)], created: stampOf(by) };
    await this.commitments.addAlternative(alt);
    return alt;
  }

  /** Creates a preliminary commitment and seeds its roadmap document (on the server, once). */
  async create(mesaId: string, input: CommitmentInput, by: Principal): Promise<{ commitment: Commitment; documents: { tree: string; roadmap: string } }> {
    await this.mesa(mesaId);
    const known = new Set((await this.commitments.alternatives(mesaId)).map((a) => a.id));
    if (input.alternativeIds.some((id) => !known.has(id))) throw httpErrors.transition('Alguna alternativa elegida no es de esta mesa.');
    const id = newId();
    const commitment: Commitment = {
      id,
      mesaId,
      title: input.title,
      description: input.description,
      alternativeIds: input.alternativeIds,
      status: 'preliminar',
      created: stampOf(by),
      review: null,
      madeDefinitive: null,
      reopened: null,
      version: 0,
      editable: true,
    };
    const roadmap = new Y.Doc();
    seedRoadmapDoc(roadmap, { mesaId, commitmentId: id });
    const name = roadmapDocumentName(mesaId, id);
    await this.commitments.create(commitment, name, Y.encodeStateAsUpdate(roadmap));
    roadmap.destroy();
    return { commitment, documents: { tree: treeDocumentName(mesaId), roadmap: name } };
  }

  /** Records the feasibility and viability review. */
  async review(id: string, input: ReviewInput, by: Principal): Promise<Commitment> {
    const c = await this.get(id);
    const problem = transitionProblem(c, 'revisado');
    if (problem) throw httpErrors.transition(problem);
    await this.commitments.saveReview(id, { ...input, stamp: stampOf(by) });
    return this.get(id);
  }

  /** Makes a reviewed, feasible commitment *definitivo*. */
  async makeDefinitive(id: string, by: Principal): Promise<Commitment> {
    const c = await this.get(id);
    const problem = transitionProblem(c, 'definitivo');
    if (problem) throw httpErrors.transition(problem);
    await this.commitments.makeDefinitive(id, stampOf(by));
    return this.get(id);
  }

  /**
   * Validates tree and roadmap and stores an immutable version; nothing is stored when anything
   * required is missing. The documents are frozen before they are read, so the version is
   * exactly what everyone saw, and stay read-only until {@link reopen}.
   */
  async finalize(id: string, by: Principal): Promise<{ commitment: Commitment; version: CommitmentVersion }> {
    const c = await this.get(id);
    const problem = transitionProblem(c, 'finalizado');
    if (problem) throw httpErrors.transition(problem);
    const names = this.locks.documentsOf(c.mesaId, id);
    const [treeName, roadmapName] = names as [string, string];
    // Validate first without freezing: a refused finalize must not interrupt anyone's typing.
    const missing = await this.docs.read(roadmapName, (d) => roadmapProblems(readRoadmap(d), ODS_TARGET_CODES));
    if (missing.length > 0) throw httpErrors.roadmapIncomplete(missing);

    await this.locks.freeze(names, id);
    let version: CommitmentVersion;
    let stored = false;
    try {
      // From the store, not this instance's live copies: once frozen it is final, and it holds
      // what every instance logged.
      const draft = await this.docs.readStored(roadmapName, readRoadmap);
      const stillMissing = roadmapProblems(draft, ODS_TARGET_CODES);
      if (stillMissing.length > 0) throw httpErrors.roadmapIncomplete(stillMissing);
      const tree = await this.docs.readStored(treeName, readTree);
      const mesa = await this.mesa(c.mesaId);
      const current = await this.get(id);
      const alternatives = (await this.commitments.alternatives(c.mesaId)).filter((a) => c.alternativeIds.includes(a.id));
      const content: CommitmentContent = {
        commitment: { id, mesaId: c.mesaId, title: current.title, description: current.description },
        mesa: { id: mesa.id, title: mesa.title, topic: mesa.topic, description: mesa.description },
        alternatives: alternatives.map((a) => ({ id: a.id, text: a.text, causeIds: a.causeIds })),
        review: current.review as NonNullable<Commitment['review']>,
        roadmap: cleanRoadmap(draft),
        problemTree: tree.nodes.map((n) => ({ id: n.id, kind: n.kind, parentId: n.parentId, text: n.text, depth: n.depth })),
      };
      version = { schemaVersion: 1, version: current.version + 1, content, contentHash: contentHash(content), finalized: stampOf(by) };
      await this.commitments.finalize(version);
      stored = true;
    } finally {
      // Nothing stored: the documents are writable again.
      if (!stored) await this.locks.release(id);
      // Locked if the version was stored, writable again if anything failed.
      await this.locks.settle(names, { type: 'locked', version: (await this.get(id)).version });
    }
    return { commitment: await this.get(id), version };
  }

  /** Opens a new version of a finalized commitment; earlier versions stay retrievable. */
  async reopen(id: string, by: Principal): Promise<Commitment> {
    const c = await this.get(id);
    const problem = transitionProblem(c, 'reabierto');
    if (problem) throw httpErrors.transition(problem);
    await this.commitments.reopen(id, stampOf(by));
    await this.locks.settle(this.locks.documentsOf(c.mesaId, id), { type: 'unlocked' });
    return this.get(id);
  }
}
