import { createHash } from 'node:crypto';
import { ALLOWED_MEDIA_TYPES, MAX_FILE_BYTES, fileRefSchema, type DocumentRef, type FileRef } from '@cocrea/domain';
import { exerciseErrors } from '../http/exerciseErrors';
import type { FileRepository, StoredFile } from '../storage/ExerciseStorage';
import { stampNow, type Actor, type Clock } from './exerciseClock';
import { contentProblem } from './fileSniff';

const ALLOWED = [...new Set(Object.values(ALLOWED_MEDIA_TYPES))].join(', ');

/** `text/csv; charset=utf-8` → `text/csv`. */
export const baseMediaType = (contentType: string | undefined): string => (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

/**
 * Uploaded files of an exercise: checked (declared type allowed, size within the domain's limit,
 * content matching the declared type), stored in the database under their SHA-256, and handed
 * back as the `FileRef` every other input then names. References in later inputs are resolved
 * against what was stored, never against what the client claims.
 */
export class ExerciseFiles {
  constructor(
    private readonly files: FileRepository,
    private readonly clock: Clock,
  ) {}

  /** Checks and stores an upload; refused with 415 (type), 413 (size) or 422 (content). */
  async upload(exerciseId: string, input: { contentType: string | undefined; name: string; data: Uint8Array }, by: Actor): Promise<FileRef> {
    const declared = baseMediaType(input.contentType);
    if (!Object.hasOwn(ALLOWED_MEDIA_TYPES, declared)) {
      throw exerciseErrors.fileRefused(415, `Tipo de archivo no admitido${declared ? ` (${declared})` : ''}. Se aceptan: ${ALLOWED}.`);
    }
    if (input.data.byteLength > MAX_FILE_BYTES) throw exerciseErrors.fileRefused(413, `El archivo supera el máximo de ${MAX_FILE_BYTES / 1024 / 1024} MB.`);
    const sha256 = createHash('sha256').update(input.data).digest('hex');
    const ref = fileRefSchema.safeParse({ kind: 'archivo', name: input.name, mediaType: declared, bytes: input.data.byteLength, sha256 });
    if (!ref.success) throw exerciseErrors.fileRefused(422, [...new Set(ref.error.issues.map((i) => i.message))].join(' '));
    const problem = contentProblem(declared, input.data);
    if (problem) throw exerciseErrors.fileRefused(422, problem);
    const stored = await this.files.put({ sha256, mediaType: declared, data: input.data }, exerciseId, stampNow(by, this.clock));
    return { ...ref.data, mediaType: stored.mediaType, bytes: stored.size };
  }

  /** A document as stored: a file must be one the exercise holds (its type and size are the stored ones). */
  async resolve(exerciseId: string, doc: DocumentRef, field: string): Promise<DocumentRef> {
    if (doc.kind === 'enlace') return doc;
    const stored = await this.files.info(exerciseId, doc.sha256);
    if (!stored) throw exerciseErrors.badReference(field, `El archivo «${doc.name}» no se ha subido a este ejercicio: súbelo primero.`);
    return { kind: 'archivo', name: doc.name, mediaType: stored.mediaType, bytes: stored.size, sha256: stored.sha256 };
  }

  /** {@link resolve} for a document that may be absent. */
  async resolveOptional(exerciseId: string, doc: DocumentRef | null, field: string): Promise<DocumentRef | null> {
    return doc ? this.resolve(exerciseId, doc, field) : null;
  }

  /** {@link resolve} for a list. */
  resolveAll(exerciseId: string, docs: readonly DocumentRef[], field: string): Promise<DocumentRef[]> {
    return Promise.all(docs.map((d, i) => this.resolve(exerciseId, d, `${field}.${i}`)));
  }

  /** A file the exercise holds, with its bytes. */
  async read(exerciseId: string, sha256: string): Promise<StoredFile> {
    const info = /^[0-9a-f]{64}$/.test(sha256) ? await this.files.info(exerciseId, sha256) : undefined;
    const file = info ? await this.files.read(sha256) : undefined;
    if (!file) throw exerciseErrors.fileNotFound();
    return file;
  }

  /** Any stored file with its bytes (callers decide who may see it). */
  async readAny(sha256: string): Promise<StoredFile> {
    const file = /^[0-9a-f]{64}$/.test(sha256) ? await this.files.read(sha256) : undefined;
    if (!file) throw exerciseErrors.fileNotFound();
    return file;
  }
}
