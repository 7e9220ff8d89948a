import type { Stamp } from '@cocrea/domain';
import type { Pool } from 'pg';
import type { FileRepository, StoredFile, StoredFileInfo } from '../ExerciseStorage';
import { bytes, transaction } from './sql';

interface FileRow {
  sha256: string;
  media_type: string;
  size: number;
  data?: Buffer;
}

const info = (r: FileRow): StoredFileInfo => ({ sha256: r.sha256, mediaType: r.media_type, size: Number(r.size) });

/** {@link FileRepository} on PostgreSQL: bytes as BYTEA under their SHA-256. */
export class PgFileRepository implements FileRepository {
  constructor(private readonly pool: Pool) {}

  put(file: { sha256: string; mediaType: string; data: Uint8Array }, exerciseId: string, uploaded: Stamp): Promise<StoredFileInfo> {
    return transaction(this.pool, async (c) => {
      await c.query('INSERT INTO stored_files (sha256, media_type, size, data, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (sha256) DO NOTHING', [
        file.sha256,
        file.mediaType,
        file.data.byteLength,
        bytes(file.data),
        uploaded.at,
      ]);
      await c.query(
        `INSERT INTO exercise_files (exercise_id, sha256, uploaded_by_id, uploaded_by_name, uploaded_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (exercise_id, sha256) DO NOTHING`,
        [exerciseId, file.sha256, uploaded.by.id, uploaded.by.name, uploaded.at],
      );
      const { rows } = await c.query<FileRow>('SELECT sha256, media_type, size FROM stored_files WHERE sha256 = $1', [file.sha256]);
      return info(rows[0] as FileRow);
    });
  }

  async info(exerciseId: string, sha256: string): Promise<StoredFileInfo | undefined> {
    const { rows } = await this.pool.query<FileRow>(
      'SELECT f.sha256, f.media_type, f.size FROM stored_files f JOIN exercise_files x ON x.sha256 = f.sha256 WHERE x.exercise_id = $1 AND f.sha256 = $2',
      [exerciseId, sha256],
    );
    return rows[0] ? info(rows[0]) : undefined;
  }

  async read(sha256: string): Promise<StoredFile | undefined> {
    const { rows } = await this.pool.query<FileRow>('SELECT * FROM stored_files WHERE sha256 = $1', [sha256]);
    const r = rows[0];
    return r?.data ? { ...info(r), data: new Uint8Array(r.data) } : undefined;
  }
}
