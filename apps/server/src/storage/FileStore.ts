import type { Stamp } from '@cocrea/domain';
import type { Db } from './database';
import type { StoredFile, StoredFileInfo } from './ExerciseStorage';

interface FileRow {
  sha256: string;
  media_type: string;
  size: number;
  data?: Buffer;
}

const info = (r: FileRow): StoredFileInfo => ({ sha256: r.sha256, mediaType: r.media_type, size: Number(r.size) });

/** Files stored once under their SHA-256, and which exercise holds which, on SQLite. */
export class FileStore {
  constructor(private readonly db: Db) {}

  /** Stores the bytes (unless stored already) and links them to the exercise, in one transaction. */
  put(file: { sha256: string; mediaType: string; data: Uint8Array }, exerciseId: string, uploaded: Stamp): StoredFileInfo {
    return this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO stored_files (sha256, media_type, size, data, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING')
        .run(file.sha256, file.mediaType, file.data.byteLength, Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength), uploaded.at);
      this.db
        .prepare(
          `INSERT INTO exercise_files (exercise_id, sha256, uploaded_by_id, uploaded_by_name, uploaded_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (exercise_id, sha256) DO NOTHING`,
        )
        .run(exerciseId, file.sha256, uploaded.by.id, uploaded.by.name, uploaded.at);
      return info(this.db.prepare('SELECT sha256, media_type, size FROM stored_files WHERE sha256 = ?').get(file.sha256) as FileRow);
    }).immediate();
  }

  /** The file, if the exercise holds it. */
  info(exerciseId: string, sha256: string): StoredFileInfo | undefined {
    const r = this.db
      .prepare('SELECT f.sha256, f.media_type, f.size FROM stored_files f JOIN exercise_files x ON x.sha256 = f.sha256 WHERE x.exercise_id = ? AND f.sha256 = ?')
      .get(exerciseId, sha256) as FileRow | undefined;
    return r ? info(r) : undefined;
  }

  /** The file with its bytes. */
  read(sha256: string): StoredFile | undefined {
    const r = this.db.prepare('SELECT * FROM stored_files WHERE sha256 = ?').get(sha256) as FileRow | undefined;
    return r?.data ? { ...info(r), data: new Uint8Array(r.data) } : undefined;
  }
}
