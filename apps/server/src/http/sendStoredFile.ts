import type { Response } from 'express';
import type { StoredFile } from '../storage/ExerciseStorage';

const TEXT = new Set(['text/plain', 'text/csv', 'application/json']);

/** `Content-Disposition` for a download: an ASCII fallback and the exact UTF-8 name (RFC 6266 / 5987). */
export function attachmentHeader(name: string): string {
  const fallback = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * Sends a stored file for download with the type it was stored as (text as UTF-8, which the upload
 * checked), never sniffed by the browser, and sandboxed even if someone opens it in a tab: the
 * micrositio serves files that anyone uploaded with a facilitator's account.
 */
export function sendStoredFile(res: Response, file: StoredFile, name: string, visibility: 'public' | 'private'): void {
  res
    .status(200)
    .set('Content-Type', TEXT.has(file.mediaType) ? `${file.mediaType}; charset=utf-8` : file.mediaType)
    .set('Content-Disposition', attachmentHeader(name))
    .set('X-Content-Type-Options', 'nosniff')
    .set('Content-Security-Policy', "default-src 'none'; sandbox")
    .set('Cache-Control', visibility === 'public' ? 'public, max-age=300' : 'private, no-store')
    .set('ETag', `"${file.sha256}"`)
    .send(Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength));
}
