import type { CommitmentVersion, MesaInput, Stamp } from '@cocrea/domain';
import { sampleCommitmentVersion } from '@cocrea/domain/fixtures';
import * as Y from 'yjs';
import type { StoredDocument } from '../DocumentStore';

/** A stamp by a facilitator at `at`. */
export const stamp = (at: string, name = 'Rosa Facilitadora'): Stamp => ({ by: { id: 'p_rosaxxxxxx', name }, at });

/** A mesa's input. */
export const mesaInput = (title = 'Mesa de agua potable'): MesaInput => ({
  title,
  topic: 'Agua potable',
  description: 'Baja calidad del agua potable',
});

/** One Yjs update from its own client that adds `value` to the shared array `values`. */
export function valueUpdate(value: number): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = 1000 + value;
  doc.getArray<number>('values').push([value]);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** The merge the server's compactor performs, in miniature. */
export const mergeDoc = (doc: StoredDocument): Uint8Array =>
  Y.mergeUpdates([...(doc.snapshot ? [doc.snapshot] : []), ...doc.updates]);

/** Every value of a stored document (snapshot + tail), sorted. */
export function valuesOf(doc: StoredDocument): number[] {
  const y = new Y.Doc();
  if (doc.snapshot) Y.applyUpdate(y, doc.snapshot);
  for (const u of doc.updates) Y.applyUpdate(y, u);
  const values = y.getArray<number>('values').toArray();
  y.destroy();
  return values.sort((a, b) => a - b);
}

/** `0 … n-1`. */
export const range = (n: number, from = 0): number[] => Array.from({ length: n }, (_, i) => from + i);

/** Distinct raw bytes for the `i`-th log entry. */
export const entryBytes = (i: number): Uint8Array => new Uint8Array([i & 0xff, i >> 8, 0xc0, 0xc3, i % 7]);

/** A finalized version of commitment `id` (number `version`), with every structured row kind. */
export function versionOf(id: string, mesaId: string, version: number, title = `Compromiso ${id} v${version}`): CommitmentVersion {
  const v = sampleCommitmentVersion(version);
  return {
    ...v,
    version,
    content: { ...v.content, commitment: { ...v.content.commitment, id, mesaId, title } },
    contentHash: String(version).repeat(64).slice(0, 64),
    finalized: stamp(`2026-11-2${version}T18:30:00.000Z`),
  };
}
