import * as Y from 'yjs';
import { ANNOTATIONS_ROOT, REPLIES_KEY, RESOLVED_KEY } from './annotationsDoc';
import {
  MAX_REPLIES_PER_THREAD,
  MAX_THREADS,
  NOTE_ROLES,
  REPLY_ROLES,
  RESOLVE_ROLES,
  resolutionSchema,
  storedNoteSchema,
  storedReplySchema,
  type AnnotationRole,
} from './annotationsDocSchema';

/**
 * What an update to `mesa:<id>:annotations` may change (docs/permissions.md), checked on two
 * snapshots of the document: before and after the update. Snapshots record not only values but
 * the identity (`client:clock`) of the Yjs item holding each of them, so "set once, never
 * changed" is literal: re-setting a field, even to the same value, or re-creating a thread or a
 * reply under the same id, reads as a change.
 */

/** Who sends an update: from the connection's principal, never from the update itself. */
export interface AnnotationWriter {
  id: string;
  role: AnnotationRole;
  /** When given, authors must also carry this display name (the token's). */
  name?: string;
}

/** The rule an update broke. Stable codes: the close reason is `forbidden:<rule>`. */
export type AnnotationRule =
  | 'foreign-content'
  | 'thread-removed'
  | 'note-changed'
  | 'note-forbidden'
  | 'invalid-note'
  | 'reply-changed'
  | 'reply-forbidden'
  | 'invalid-reply'
  | 'author-mismatch'
  | 'resolve-forbidden'
  | 'invalid-resolution'
  | 'too-many'
  | 'incomplete-update';

/** Why an update is refused; `message` is Spanish and names the thread when there is one. */
export interface AnnotationViolation {
  rule: AnnotationRule;
  message: string;
}

/** Marks a shared type found where a plain value belongs; no schema accepts it. */
export const SHARED_TYPE: unique symbol = Symbol('cocrea:shared-type');

/** A value and the identity of the Yjs item holding it. */
export interface HeldValue {
  identity: string;
  value: unknown;
}

/** One entry of the `threads` map. */
export interface ThreadSnapshot {
  /** Identity of the item holding the thread. */
  identity: string;
  /** Whether the entry is a Y.Map at all. */
  isMap: boolean;
  /** Every key of the thread's map but `replies`. */
  fields: ReadonlyMap<string, HeldValue>;
  /** The replies array (its own identity and each reply's), `null` when missing or not a Y.Array. */
  replies: { identity: string; items: HeldValue[] } | null;
  /**
   * Identities of everything else the thread holds: sequence content of the thread's map, map
   * entries of its replies array, non-countable items (formatting) among the replies, and every
   * item inside any shared type nested in a field or a reply. A valid thread has none.
   */
  extra: readonly string[];
}

/** Everything an update could change in an annotations document, as plain data. */
export interface AnnotationsSnapshot {
  /** Top-level types other than the `threads` map that hold anything (sequence content in `threads` counts as one). */
  foreignRoots: string[];
  /**
   * Identities of every live item outside the threads' entries: anything in another top-level
   * type or in the sequence part of `threads`, however deeply nested. An update may add none.
   */
  foreign: ReadonlySet<string>;
  threads: ReadonlyMap<string, ThreadSnapshot>;
}

const identityOf = (item: Y.Item, offset = 0) => `${item.id.client}:${item.id.clock + offset}`;
const plain = (v: unknown): unknown => (v instanceof Y.AbstractType ? SHARED_TYPE : v);

/** What every Yjs type has: map entries and a sequence (both read here, whatever the type claims to be). */
interface Container {
  _map: Map<string, Y.Item>;
  _start: Y.Item | null;
}

function liveEntries(type: Container): [string, Y.Item][] {
  return [...type._map.entries()].filter(([, item]) => !item.deleted);
}

function liveSequence(type: Container): HeldValue[] {
  const out: HeldValue[] = [];
  for (let item = type._start; item !== null; item = item.right) {
    if (item.deleted || !item.countable) continue;
    const content: unknown[] = item.content.getContent();
    content.forEach((value, i) => out.push({ identity: identityOf(item, i), value: plain(value) }));
  }
  return out;
}

/** Every live item of a type's sequence, countable or not (formatting attributes hold values too). */
function liveItems(type: Container): Y.Item[] {
  const out: Y.Item[] = [];
  for (let item = type._start; item !== null; item = item.right) if (!item.deleted) out.push(item);
  return out;
}

/** Identities of every live item inside `type`, map entries and sequence alike, at any depth. */
function everything(type: Container, out: string[] = []): string[] {
  for (const item of [...liveEntries(type).map(([, i]) => i), ...liveItems(type)]) nested(item, out);
  return out;
}

/** The identity of `item` and of everything inside the shared types it holds. */
function nested(item: Y.Item, out: string[]): void {
  out.push(identityOf(item));
  if (item.content instanceof Y.ContentType) everything(item.content.type, out);
}

/** What is inside the shared types a value holds (a plain value holds none). */
function insideOf(item: Y.Item, out: string[]): void {
  if (item.content instanceof Y.ContentType) everything(item.content.type, out);
}

function snapshotThread(item: Y.Item): ThreadSnapshot {
  const value: unknown = item.content.getContent()[item.length - 1];
  if (!(value instanceof Y.Map)) {
    const extra: string[] = [];
    insideOf(item, extra);
    return { identity: identityOf(item), isMap: false, fields: new Map(), replies: null, extra };
  }
  const fields = new Map<string, HeldValue>();
  const extra: string[] = [];
  let replies: ThreadSnapshot['replies'] = null;
  for (const held of liveItems(value)) nested(held, extra);
  for (const [key, held] of liveEntries(value)) {
    const v: unknown = held.content.getContent()[held.length - 1];
    if (key === REPLIES_KEY && v instanceof Y.Array) {
      replies = { identity: identityOf(held), items: liveSequence(v) };
      const list = v as unknown as Container;
      for (const [, entry] of liveEntries(list)) nested(entry, extra);
      for (const reply of liveItems(list)) {
        if (!reply.countable) extra.push(identityOf(reply));
        insideOf(reply, extra);
      }
    } else {
      fields.set(key, { identity: identityOf(held), value: plain(v) });
      insideOf(held, extra);
    }
  }
  return { identity: identityOf(item), isMap: true, fields, replies, extra: extra.sort() };
}

/** Reads a snapshot of an annotations document (the live one or a copy). */
export function snapshotAnnotations(doc: Y.Doc): AnnotationsSnapshot {
  const foreignRoots: string[] = [];
  const foreign: string[] = [];
  for (const [name, type] of doc.share) {
    if (name !== ANNOTATIONS_ROOT) {
      const before = foreign.length;
      everything(type, foreign);
      if (foreign.length > before) foreignRoots.push(name);
      continue;
    }
    const sequence = liveItems(type);
    for (const item of sequence) nested(item, foreign);
    if (sequence.length > 0) foreignRoots.push(`${name}[]`);
  }
  const threads = new Map<string, ThreadSnapshot>();
  const root = doc.share.get(ANNOTATIONS_ROOT);
  if (root) for (const [id, item] of liveEntries(root)) threads.set(id, snapshotThread(item));
  return { foreignRoots: foreignRoots.sort(), foreign: new Set(foreign), threads };
}

const violation = (rule: AnnotationRule, message: string): AnnotationViolation => ({ rule, message });

function authorProblem(author: { id: string; name: string; role: string }, writer: AnnotationWriter, what: string): AnnotationViolation | null {
  if (author.id !== writer.id || author.role !== writer.role || (writer.name !== undefined && author.name !== writer.name)) {
    return violation('author-mismatch', `${what} debe firmarla quien la escribe.`);
  }
  return null;
}

function checkReplies(
  threadId: string,
  before: HeldValue[],
  after: HeldValue[],
  writer: AnnotationWriter,
): AnnotationViolation | null {
  const afterIds = new Map(after.map((r, i) => [r.identity, i]));
  let last = -1;
  for (const r of before) {
    const at = afterIds.get(r.identity);
    if (at === undefined || at < last) return violation('reply-changed', `Nadie puede borrar ni mover las respuestas del hilo ${threadId}.`);
    last = at;
  }
  const known = new Set(before.map((r) => r.identity));
  const added = after.filter((r) => !known.has(r.identity));
  if (added.length === 0) return null;
  if (!REPLY_ROLES.includes(writer.role)) return violation('reply-forbidden', 'Tu papel en esta mesa no permite responder.');
  if (after.length > MAX_REPLIES_PER_THREAD) return violation('too-many', `El hilo ${threadId} ya tiene el máximo de respuestas.`);
  const replyIds = new Set<string>();
  for (const r of after) {
    const parsed = storedReplySchema.safeParse(r.value);
    if (!parsed.success) {
      if (known.has(r.identity)) continue;
      return violation('invalid-reply', `Respuesta inválida en el hilo ${threadId}: ${parsed.error.issues[0]?.message ?? ''}`);
    }
    if (replyIds.has(parsed.data.id)) return violation('invalid-reply', `Respuesta repetida en el hilo ${threadId}.`);
    replyIds.add(parsed.data.id);
    if (!known.has(r.identity)) {
      const mismatch = authorProblem(parsed.data.author, writer, 'Una respuesta');
      if (mismatch) return mismatch;
    }
  }
  return null;
}

function checkResolution(threadId: string, value: unknown, writer: AnnotationWriter): AnnotationViolation | null {
  if (!RESOLVE_ROLES.includes(writer.role)) {
    return violation('resolve-forbidden', 'Solo la facilitación puede resolver o reabrir un hilo.');
  }
  const parsed = resolutionSchema.safeParse(value);
  if (!parsed.success) return violation('invalid-resolution', `Resolución inválida en el hilo ${threadId}.`);
  if (parsed.data && (parsed.data.by.id !== writer.id || (writer.name !== undefined && parsed.data.by.name !== writer.name))) {
    return violation('invalid-resolution', 'Un hilo se resuelve a nombre de quien lo resuelve.');
  }
  return null;
}

function checkNewThread(id: string, t: ThreadSnapshot, writer: AnnotationWriter): AnnotationViolation | null {
  if (!NOTE_ROLES.includes(writer.role)) {
    return violation('note-forbidden', 'Solo las personas expertas y la facilitación pueden agregar notas.');
  }
  if (!t.isMap || !/^[A-Za-z0-9_-]{6,40}$/.test(id)) return violation('invalid-note', `Hilo inválido: ${id.slice(0, 40)}.`);
  const note: Record<string, unknown> = {};
  for (const [key, held] of t.fields) if (key !== RESOLVED_KEY) note[key] = held.value;
  const parsed = storedNoteSchema.safeParse(note);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return violation('invalid-note', `Nota inválida (${issue?.path.join('.') ?? ''}): ${issue?.message ?? ''}`);
  }
  const mismatch = authorProblem(parsed.data.author, writer, 'Una nota');
  if (mismatch) return mismatch;
  if (t.fields.get(RESOLVED_KEY)?.value !== null) return violation('invalid-note', 'Un hilo nuevo empieza abierto.');
  if (!t.replies) return violation('invalid-note', 'Un hilo nuevo necesita su lista de respuestas.');
  if (t.extra.length > 0) return violation('foreign-content', 'Un hilo solo guarda su nota, sus respuestas y su resolución.');
  return checkReplies(id, [], t.replies.items, writer);
}

function checkExistingThread(id: string, b: ThreadSnapshot, a: ThreadSnapshot, writer: AnnotationWriter): AnnotationViolation | null {
  const changed = violation('note-changed', `Nadie puede modificar la nota del hilo ${id}.`);
  if (a.identity !== b.identity || a.isMap !== b.isMap) return changed;
  const known = new Set(b.extra);
  if (a.extra.some((identity) => !known.has(identity))) {
    return violation('foreign-content', 'Un hilo solo guarda su nota, sus respuestas y su resolución.');
  }
  for (const key of new Set([...b.fields.keys(), ...a.fields.keys()])) {
    const was = b.fields.get(key);
    const now = a.fields.get(key);
    if (was?.identity === now?.identity) continue;
    if (key !== RESOLVED_KEY || now === undefined) return changed;
    const problem = checkResolution(id, now.value, writer);
    if (problem) return problem;
  }
  if (b.replies === null && a.replies === null) return null;
  if (b.replies === null || a.replies === null || b.replies.identity !== a.replies.identity) {
    return violation('reply-changed', `Nadie puede reemplazar las respuestas del hilo ${id}.`);
  }
  return checkReplies(id, b.replies.items, a.replies.items, writer);
}

/**
 * The pure rule check of docs/permissions.md for one update, given the document before and after
 * it and who sent it: `null` when allowed, else the first rule broken.
 *
 * - a new thread is started by an expert, a facilitator or an admin, signed by the writer
 *   (author id, role and, when known, name), valid (kind, text ≤ 2000, http(s) source for an
 *   evidencia, verdict for a veredicto, target that looks like a node id), open, with its replies list;
 * - replies are only appended, each signed by the writer, by anyone who may write annotations;
 * - no thread, field or reply is ever changed, re-created or removed;
 * - only a facilitator or an admin sets or clears `resolved`, in their own name;
 * - no other top-level type is written, and nothing is added anywhere else: not in the sequence
 *   part of `threads` or of a thread's map, not in the map part of a replies list, not inside a
 *   shared type nested in a field or a reply (every part of every type is read, whatever the
 *   type claims to be).
 */
export function checkAnnotationChange(before: AnnotationsSnapshot, after: AnnotationsSnapshot, writer: AnnotationWriter): AnnotationViolation | null {
  if ([...after.foreign].some((identity) => !before.foreign.has(identity))) {
    return violation('foreign-content', 'El documento de anotaciones solo guarda hilos.');
  }
  for (const id of before.threads.keys()) {
    if (!after.threads.has(id)) return violation('thread-removed', `Nadie puede borrar el hilo ${id}.`);
  }
  let added = 0;
  for (const [id, a] of after.threads) {
    const b = before.threads.get(id);
    const problem = b ? checkExistingThread(id, b, a, writer) : checkNewThread(id, a, writer);
    if (problem) return problem;
    if (!b) added++;
  }
  if (added > 0 && after.threads.size > MAX_THREADS) return violation('too-many', 'Esta mesa ya tiene el máximo de hilos de anotaciones.');
  return null;
}

function everyStructIntegrated(doc: Y.Doc, update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  for (const s of structs) {
    if (Y.getState(doc.store, s.id.client) < s.id.clock + s.length) return false;
  }
  for (const [client, ranges] of ds.clients) {
    const state = Y.getState(doc.store, client);
    if (ranges.some((r) => r.clock + r.len > state)) return false;
  }
  return true;
}

/**
 * Checks an incoming update against `current` without touching it: applies it to a copy and runs
 * {@link checkAnnotationChange} on the two snapshots. An update Yjs would park as pending (it
 * depends on, or deletes, items the document does not have yet) is refused too: parked content
 * would surface later inside someone else's update and be checked against the wrong writer.
 * Throws when the update cannot be decoded.
 */
export function checkAnnotationUpdate(current: Y.Doc, update: Uint8Array, writer: AnnotationWriter): AnnotationViolation | null {
  const copy = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(current));
    Y.applyUpdate(copy, update);
    if (!everyStructIntegrated(copy, update)) {
      return violation('incomplete-update', 'El cambio depende de contenido que el servidor no tiene.');
    }
    return checkAnnotationChange(snapshotAnnotations(current), snapshotAnnotations(copy), writer);
  } finally {
    copy.destroy();
  }
}
