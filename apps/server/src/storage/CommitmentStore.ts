import type {
  Commitment,
  CommitmentReview,
  CommitmentStatus,
  CommitmentVersion,
  SolutionAlternative,
  Stamp,
} from '@cocrea/domain';
import type { Db } from './database';
import type { VersionSummary } from './Storage';

interface CommitmentRow {
  id: string;
  mesa_id: string;
  title: string;
  description: string;
  alternative_ids: string;
  status: CommitmentStatus;
  created: string;
  review: string | null;
  made_definitive: string | null;
  reopened: string | null;
  version: number;
  editable: number;
}

interface AlternativeRow {
  id: string;
  mesa_id: string;
  text: string;
  cause_ids: string;
  created: string;
}


const json = <T>(s: string | null): T | null => (s === null ? null : (JSON.parse(s) as T));

const toCommitment = (r: CommitmentRow): Commitment => ({
  id: r.id,
  mesaId: r.mesa_id,
  title: r.title,
  description: r.description,
  alternativeIds: JSON.parse(r.alternative_ids) as string[],
  status: r.status,
  created: JSON.parse(r.created) as Stamp,
  review: json<CommitmentReview>(r.review),
  madeDefinitive: json<Stamp>(r.made_definitive),
  reopened: json<Stamp>(r.reopened),
  version: r.version,
  editable: r.editable === 1,
});

const toAlternative = (r: AlternativeRow): SolutionAlternative => ({
  id: r.id,
  mesaId: r.mesa_id,
  text: r.text,
  causeIds: JSON.parse(r.cause_ids) as string[],
  created: JSON.parse(r.created) as Stamp,
});

/**
 * Alternatives, commitments and their finalized versions. A version is written once, with its
 * activities, indicators, ODS targets and agreed tree as rows of their own; SQLite triggers
 * refuse any later UPDATE or DELETE of them.
 */
export class CommitmentStore {
  constructor(private readonly db: Db) {}

  /** Records a solution alternative. */
  addAlternative(a: SolutionAlternative): void {
    this.db
      .prepare('INSERT INTO alternatives (id, mesa_id, text, cause_ids, created) VALUES (?, ?, ?, ?, ?)')
      .run(a.id, a.mesaId, a.text, JSON.stringify(a.causeIds), JSON.stringify(a.created));
  }

  /** The alternatives of a mesa, oldest first. */
  alternatives(mesaId: string): SolutionAlternative[] {
    const rows = this.db.prepare('SELECT * FROM alternatives WHERE mesa_id = ? ORDER BY rowid').all(mesaId) as AlternativeRow[];
    return rows.map(toAlternative);
  }

  /** Inserts a preliminary commitment and its seeded roadmap document, atomically. */
  create(c: Commitment, roadmapName: string, roadmapState: Uint8Array): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO commitments (id, mesa_id, title, description, alternative_ids, status, created, version, editable)
           VALUES (?, ?, ?, ?, ?, ?, ?, 0, 1)`,
        )
        .run(c.id, c.mesaId, c.title, c.description, JSON.stringify(c.alternativeIds), c.status, JSON.stringify(c.created));
      this.db
        .prepare('INSERT INTO document_snapshots (name, state, last_seq, updated_at) VALUES (?, ?, 0, ?)')
        .run(roadmapName, roadmapState, c.created.at);
    }).immediate();
  }

  /** The commitment, or `undefined`. */
  get(id: string): Commitment | undefined {
    const r = this.db.prepare('SELECT * FROM commitments WHERE id = ?').get(id) as CommitmentRow | undefined;
    return r ? toCommitment(r) : undefined;
  }

  /** A mesa's commitments, oldest first. */
  byMesa(mesaId: string): Commitment[] {
    const rows = this.db.prepare('SELECT * FROM commitments WHERE mesa_id = ? ORDER BY rowid').all(mesaId) as CommitmentRow[];
    return rows.map(toCommitment);
  }

  /** `true` while any commitment of the mesa is finalized and not reopened: its tree is agreed. */
  treeLocked(mesaId: string): boolean {
    return this.db.prepare('SELECT 1 FROM commitments WHERE mesa_id = ? AND editable = 0 LIMIT 1').get(mesaId) !== undefined;
  }

  /** Records a review (status `revisado`). */
  saveReview(id: string, review: CommitmentReview): void {
    this.db.prepare("UPDATE commitments SET review = ?, status = 'revisado' WHERE id = ?").run(JSON.stringify(review), id);
  }

  /** Marks the commitment *definitivo*. */
  makeDefinitive(id: string, stamp: Stamp): void {
    this.db.prepare("UPDATE commitments SET made_definitive = ?, status = 'definitivo' WHERE id = ?").run(JSON.stringify(stamp), id);
  }

  /** Opens a new version for writing. */
  /** Writable again, and its documents' locks released, in one transaction. */
  reopen(id: string, stamp: Stamp): void {
    this.db.transaction(() => {
      this.db.prepare("UPDATE commitments SET status = 'definitivo', editable = 1, reopened = ? WHERE id = ?").run(JSON.stringify(stamp), id);
      this.db.prepare('DELETE FROM document_locks WHERE commitment_id = ?').run(id);
    }).immediate();
  }

  /** Stores a finalized version with its structured records and locks the commitment, in one transaction. */
  finalize(v: CommitmentVersion): void {
    const { content: c, version } = v;
    const id = c.commitment.id;
    const r = c.roadmap;
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO commitment_versions (commitment_id, version, content_hash, snapshot, title, responsible_name,
             responsible_position, responsible_office, co_responsible, final_result, start_date, end_date,
             finalized_by_id, finalized_by_name, finalized_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id, version, v.contentHash, JSON.stringify(v), c.commitment.title, r.responsible.name, r.responsible.position,
          r.responsible.office, r.coResponsible.organization, r.finalResult, r.startDate, r.endDate,
          v.finalized.by.id, v.finalized.by.name, v.finalized.at,
        );
      const act = this.db.prepare(
        'INSERT INTO version_activities (commitment_id, version, position, description, responsible, start_date, end_date) VALUES (?, ?, ?, ?, ?, ?, ?)',
      );
      r.activities.forEach((a, i) => act.run(id, version, i, a.description, a.responsible, a.startDate, a.endDate));
      const ind = this.db.prepare(
        'INSERT INTO version_indicators (commitment_id, version, position, name, unit, baseline, goal) VALUES (?, ?, ?, ?, ?, ?, ?)',
      );
      r.indicators.forEach((x, i) => ind.run(id, version, i, x.name, x.unit, x.baseline, x.goal));
      const ods = this.db.prepare('INSERT INTO version_ods (commitment_id, version, target_code) VALUES (?, ?, ?)');
      for (const code of r.odsTargets) ods.run(id, version, code);
      const node = this.db.prepare(
        'INSERT INTO version_tree_nodes (commitment_id, version, node_id, kind, parent_id, text, depth) VALUES (?, ?, ?, ?, ?, ?, ?)',
      );
      for (const n of c.problemTree) node.run(id, version, n.id, n.kind, n.parentId, n.text, n.depth);
      this.db.prepare("UPDATE commitments SET status = 'finalizado', version = ?, editable = 0 WHERE id = ?").run(version, id);
    }).immediate();
  }

  /** Every finalized version of a commitment, oldest first. */
  versions(id: string): VersionSummary[] {
    const rows = this.db
      .prepare(
        'SELECT version, content_hash, finalized_by_id, finalized_by_name, finalized_at FROM commitment_versions WHERE commitment_id = ? ORDER BY version',
      )
      .all(id) as { version: number; content_hash: string; finalized_by_id: string; finalized_by_name: string; finalized_at: string }[];
    return rows.map((r) => ({
      version: r.version,
      contentHash: r.content_hash,
      finalized: { by: { id: r.finalized_by_id, name: r.finalized_by_name }, at: r.finalized_at },
    }));
  }

  /** One finalized version, or `undefined`. */
  version(id: string, version: number): CommitmentVersion | undefined {
    const r = this.db.prepare('SELECT snapshot FROM commitment_versions WHERE commitment_id = ? AND version = ?').get(id, version) as
      | { snapshot: string }
      | undefined;
    return r ? (JSON.parse(r.snapshot) as CommitmentVersion) : undefined;
  }
}
