import type { Commitment, CommitmentReview, CommitmentStatus, CommitmentVersion, SolutionAlternative, Stamp } from '@cocrea/domain';
import type { Pool, PoolClient } from 'pg';
import type { CommitmentRepository, VersionSummary } from '../Storage';
import { bytes, transaction, valuesOf } from './sql';

/** JSON columns (`json`) come back parsed by node-postgres. */
interface CommitmentRow {
  id: string;
  mesa_id: string;
  title: string;
  description: string;
  alternative_ids: string[];
  status: CommitmentStatus;
  created: Stamp;
  review: CommitmentReview | null;
  made_definitive: Stamp | null;
  reopened: Stamp | null;
  version: number;
  editable: boolean;
}

interface AlternativeRow {
  id: string;
  mesa_id: string;
  text: string;
  cause_ids: string[];
  created: Stamp;
}

const COMMITMENT_COLUMNS =
  'id, mesa_id, title, description, alternative_ids, status, created, review, made_definitive, reopened, version, editable';

const toCommitment = (r: CommitmentRow): Commitment => ({
  id: r.id,
  mesaId: r.mesa_id,
  title: r.title,
  description: r.description,
  alternativeIds: r.alternative_ids,
  status: r.status,
  created: r.created,
  review: r.review,
  madeDefinitive: r.made_definitive,
  reopened: r.reopened,
  version: r.version,
  editable: r.editable,
});

const toAlternative = (r: AlternativeRow): SolutionAlternative => ({
  id: r.id,
  mesaId: r.mesa_id,
  text: r.text,
  causeIds: r.cause_ids,
  created: r.created,
});

/** Inserts `rows` into `table` in one statement; nothing when there are none. */
async function insertRows(client: PoolClient, table: string, columns: string, rows: readonly (readonly unknown[])[]): Promise<void> {
  if (rows.length === 0) return;
  const { sql, params } = valuesOf(rows);
  await client.query(`INSERT INTO ${table} (${columns}) VALUES ${sql}`, params);
}

/**
 * {@link CommitmentRepository} on PostgreSQL. Finalized version rows are guarded by triggers that
 * refuse any UPDATE, DELETE or TRUNCATE (see the migrations).
 */
export class PgCommitmentRepository implements CommitmentRepository {
  constructor(private readonly pool: Pool) {}

  async addAlternative(a: SolutionAlternative): Promise<void> {
    await this.pool.query('INSERT INTO alternatives (id, mesa_id, text, cause_ids, created) VALUES ($1, $2, $3, $4, $5)', [
      a.id,
      a.mesaId,
      a.text,
      JSON.stringify(a.causeIds),
      JSON.stringify(a.created),
    ]);
  }

  async alternatives(mesaId: string): Promise<SolutionAlternative[]> {
    const { rows } = await this.pool.query<AlternativeRow>(
      'SELECT id, mesa_id, text, cause_ids, created FROM alternatives WHERE mesa_id = $1 ORDER BY seq',
      [mesaId],
    );
    return rows.map(toAlternative);
  }

  async create(c: Commitment, roadmapName: string, roadmapState: Uint8Array): Promise<void> {
    await transaction(this.pool, async (client) => {
      await client.query(
        `INSERT INTO commitments (id, mesa_id, title, description, alternative_ids, status, created, version, editable)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 0, TRUE)`,
        [c.id, c.mesaId, c.title, c.description, JSON.stringify(c.alternativeIds), c.status, JSON.stringify(c.created)],
      );
      await client.query('INSERT INTO document_snapshots (name, state, last_seq, updated_at) VALUES ($1, $2, 0, $3)', [
        roadmapName,
        bytes(roadmapState),
        c.created.at,
      ]);
    });
  }

  async get(id: string): Promise<Commitment | undefined> {
    const { rows } = await this.pool.query<CommitmentRow>(`SELECT ${COMMITMENT_COLUMNS} FROM commitments WHERE id = $1`, [id]);
    return rows[0] ? toCommitment(rows[0]) : undefined;
  }

  async byMesa(mesaId: string): Promise<Commitment[]> {
    const { rows } = await this.pool.query<CommitmentRow>(
      `SELECT ${COMMITMENT_COLUMNS} FROM commitments WHERE mesa_id = $1 ORDER BY seq`,
      [mesaId],
    );
    return rows.map(toCommitment);
  }

  async treeLocked(mesaId: string): Promise<boolean> {
    const { rows } = await this.pool.query<{ locked: boolean }>(
      'SELECT EXISTS (SELECT 1 FROM commitments WHERE mesa_id = $1 AND NOT editable) AS locked',
      [mesaId],
    );
    return rows[0]?.locked ?? false;
  }

  async saveReview(id: string, review: CommitmentReview): Promise<void> {
    await this.pool.query("UPDATE commitments SET review = $1, status = 'revisado' WHERE id = $2", [JSON.stringify(review), id]);
  }

  async makeDefinitive(id: string, stamp: Stamp): Promise<void> {
    await this.pool.query("UPDATE commitments SET made_definitive = $1, status = 'definitivo' WHERE id = $2", [JSON.stringify(stamp), id]);
  }

  async reopen(id: string, stamp: Stamp): Promise<void> {
    await transaction(this.pool, async (client) => {
      await client.query("UPDATE commitments SET status = 'definitivo', editable = TRUE, reopened = $1 WHERE id = $2", [JSON.stringify(stamp), id]);
      await client.query('DELETE FROM document_locks WHERE commitment_id = $1', [id]);
    });
  }

  async finalize(v: CommitmentVersion): Promise<void> {
    const { content: c, version } = v;
    const id = c.commitment.id;
    const r = c.roadmap;
    await transaction(this.pool, async (client) => {
      await client.query(
        `INSERT INTO commitment_versions (commitment_id, version, content_hash, snapshot, title, responsible_name,
           responsible_position, responsible_office, co_responsible, final_result, start_date, end_date,
           finalized_by_id, finalized_by_name, finalized_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
        [
          id, version, v.contentHash, JSON.stringify(v), c.commitment.title, r.responsible.name, r.responsible.position,
          r.responsible.office, r.coResponsible.organization, r.finalResult, r.startDate, r.endDate,
          v.finalized.by.id, v.finalized.by.name, v.finalized.at,
        ],
      );
      await insertRows(
        client,
        'version_activities',
        'commitment_id, version, position, description, responsible, start_date, end_date',
        r.activities.map((a, i) => [id, version, i, a.description, a.responsible, a.startDate, a.endDate]),
      );
      await insertRows(
        client,
        'version_indicators',
        'commitment_id, version, position, name, unit, baseline, goal',
        r.indicators.map((x, i) => [id, version, i, x.name, x.unit, x.baseline, x.goal]),
      );
      await insertRows(client, 'version_ods', 'commitment_id, version, target_code', r.odsTargets.map((code) => [id, version, code]));
      await insertRows(
        client,
        'version_tree_nodes',
        'commitment_id, version, node_id, kind, parent_id, text, depth',
        c.problemTree.map((n) => [id, version, n.id, n.kind, n.parentId, n.text, n.depth]),
      );
      await client.query("UPDATE commitments SET status = 'finalizado', version = $1, editable = FALSE WHERE id = $2", [version, id]);
    });
  }

  async versions(id: string): Promise<VersionSummary[]> {
    const { rows } = await this.pool.query<{
      version: number;
      content_hash: string;
      finalized_by_id: string;
      finalized_by_name: string;
      finalized_at: string;
    }>(
      `SELECT version, content_hash, finalized_by_id, finalized_by_name, finalized_at
       FROM commitment_versions WHERE commitment_id = $1 ORDER BY version`,
      [id],
    );
    return rows.map((r) => ({
      version: r.version,
      contentHash: r.content_hash,
      finalized: { by: { id: r.finalized_by_id, name: r.finalized_by_name }, at: r.finalized_at },
    }));
  }

  async version(id: string, version: number): Promise<CommitmentVersion | undefined> {
    const { rows } = await this.pool.query<{ snapshot: CommitmentVersion }>(
      'SELECT snapshot FROM commitment_versions WHERE commitment_id = $1 AND version = $2',
      [id, version],
    );
    return rows[0]?.snapshot;
  }
}
