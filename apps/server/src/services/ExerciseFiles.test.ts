import { createHash } from 'node:crypto';
import { MAX_FILE_BYTES, type Stamp } from '@cocrea/domain';
import { describe, expect, it } from 'vitest';
import { HttpError } from '../http/errors';
import type { FileRepository, StoredFile, StoredFileInfo } from '../storage/ExerciseStorage';
import { ExerciseFiles, baseMediaType } from './ExerciseFiles';

/** Files in memory, per exercise, as the repositories keep them. */
class MemoryFiles implements FileRepository {
  readonly files = new Map<string, StoredFile>();
  readonly held = new Set<string>();
  put(file: { sha256: string; mediaType: string; data: Uint8Array }, exerciseId: string, _uploaded: Stamp): Promise<StoredFileInfo> {
    if (!this.files.has(file.sha256)) this.files.set(file.sha256, { ...file, size: file.data.byteLength });
    this.held.add(`${exerciseId}/${file.sha256}`);
    const f = this.files.get(file.sha256) as StoredFile;
    return Promise.resolve({ sha256: f.sha256, mediaType: f.mediaType, size: f.size });
  }
  info(exerciseId: string, sha256: string): Promise<StoredFileInfo | undefined> {
    const f = this.held.has(`${exerciseId}/${sha256}`) ? this.files.get(sha256) : undefined;
    return Promise.resolve(f && { sha256: f.sha256, mediaType: f.mediaType, size: f.size });
  }
  read(sha256: string): Promise<StoredFile | undefined> {
    return Promise.resolve(this.files.get(sha256));
  }
}

const who = { id: 'acc1', name: 'Rosa' };
const csv = new TextEncoder().encode('colonia,fugas\nCentro,3\n');
const sha = createHash('sha256').update(csv).digest('hex');
const refusal = async (p: Promise<unknown>) => {
  const err = await p.then(() => null, (e: unknown) => e);
  if (!(err instanceof HttpError)) throw new Error(`expected an HttpError, got ${String(err)}`);
  return { status: err.status, code: err.code, message: err.message };
};

describe('ExerciseFiles', () => {
  it('stores an upload under its SHA-256 and answers the reference other inputs will name', async () => {
    const repo = new MemoryFiles();
    const files = new ExerciseFiles(repo, () => new Date('2027-06-01T10:00:00Z'));
    expect(await files.upload('ej1', { contentType: 'text/csv; charset=utf-8', name: 'fugas.csv', data: csv }, who)).toEqual({ kind: 'archivo', name: 'fugas.csv', mediaType: 'text/csv', bytes: csv.byteLength, sha256: sha });
    expect(repo.files.get(sha)?.data).toEqual(csv);
  });

  it('refuses a type outside the list (415), an empty or nameless file (422) and one over the limit (413)', async () => {
    const files = new ExerciseFiles(new MemoryFiles(), () => new Date());
    expect(await refusal(files.upload('ej1', { contentType: 'application/zip', name: 'a.zip', data: csv }, who))).toMatchObject({ status: 415, code: 'file_refused' });
    expect(await refusal(files.upload('ej1', { contentType: undefined, name: 'a', data: csv }, who))).toMatchObject({ status: 415 });
    expect(await refusal(files.upload('ej1', { contentType: 'text/csv', name: 'a.csv', data: new Uint8Array() }, who))).toEqual({ status: 422, code: 'file_refused', message: 'El archivo está vacío.' });
    expect(await refusal(files.upload('ej1', { contentType: 'text/csv', name: '  ', data: csv }, who))).toEqual({ status: 422, code: 'file_refused', message: 'El archivo necesita un nombre.' });
    expect(await refusal(files.upload('ej1', { contentType: 'text/plain', name: 'big.txt', data: new Uint8Array(MAX_FILE_BYTES + 1) }, who))).toEqual({
      status: 413,
      code: 'file_refused',
      message: 'El archivo supera el máximo de 25 MB.',
    });
  });

  it('resolves references against what the exercise stored, never what the client claims', async () => {
    const files = new ExerciseFiles(new MemoryFiles(), () => new Date());
    await files.upload('ej1', { contentType: 'text/csv', name: 'fugas.csv', data: csv }, who);
    const claimed = { kind: 'archivo' as const, name: 'Fugas del mes.csv', mediaType: 'application/pdf', bytes: 99, sha256: sha };
    expect(await files.resolve('ej1', claimed, 'document')).toEqual({ ...claimed, mediaType: 'text/csv', bytes: csv.byteLength });
    expect(await refusal(files.resolve('ej2', claimed, 'document'))).toMatchObject({ status: 422, message: 'El archivo «Fugas del mes.csv» no se ha subido a este ejercicio: súbelo primero.' });
    const link = { kind: 'enlace' as const, url: 'https://example.org', title: 'Portal' };
    expect(await files.resolve('ej2', link, 'document')).toBe(link);
    expect(await refusal(files.read('ej2', sha))).toMatchObject({ status: 404 });
    expect(await refusal(files.read('ej1', '../../etc/passwd'))).toMatchObject({ status: 404 });
    expect((await files.read('ej1', sha)).data).toEqual(csv);
  });

  it('reads a media type without its parameters', () => {
    expect(baseMediaType('Text/CSV; charset=UTF-8')).toBe('text/csv');
    expect(baseMediaType(undefined)).toBe('');
  });
});
