import * as Y from 'yjs';
import {
  annotationAuthorSchema,
  noteDraftSchema,
  resolutionSchema,
  storedNoteSchema,
  storedReplySchema,
  type AnnotationAuthor,
  type AnnotationReply,
  type NoteDraft,
  type Resolution,
  type StoredNote,
} from './annotationsDocSchema';
import { newNodeId } from './problemTreeDoc';

export * from './annotationsDocSchema';

/**
 * How a mesa's expert annotations live in a Y.Doc (document `mesa:<id>:annotations`, apart from
 * the tree so that the right to annotate never reaches the tree):
 *
 * - `threads`: Y.Map<threadId, Y.Map> — one map per thread, created whole in one transaction:
 *   `targetNodeId`, `kind`, `body`, `sourceUrl` (evidencia), `verdict` (veredicto), `author`
 *   ({id, name, role}), `createdAt` (ISO 8601): plain values set once and never changed;
 *   `resolved`: `{ by: {id, name}, at } | null`, replaced whole by a facilitator;
 *   `replies`: Y.Array of plain `{ id, author, body, createdAt }`, only ever appended to.
 *
 * Nothing else is ever stored, and nothing is ever deleted: the server checks every update
 * against these rules (`checkAnnotationUpdate`) before it stores or relays it.
 */
export const ANNOTATIONS_ROOT = 'threads';

/** Key of a thread's replies array. */
export const REPLIES_KEY = 'replies';
/** Key of a thread's resolution. */
export const RESOLVED_KEY = 'resolved';

type ThreadMap = Y.Map<unknown>;

/** The shared map of threads. */
export function annotationThreads(doc: Y.Doc): Y.Map<ThreadMap> {
  return doc.getMap<ThreadMap>(ANNOTATIONS_ROOT);
}

/** A thread as every client reads it: the opening note, its replies, its resolution. */
export type AnnotationThread = StoredNote & {
  id: string;
  resolved: Resolution | null;
  replies: AnnotationReply[];
};

/** Thrown by the write helpers when what a person typed breaks a rule; `message` is Spanish. */
export class AnnotationInputError extends Error {
  override readonly name = 'AnnotationInputError';
  constructor(
    message: string,
    /** Which field was wrong (`body`, `sourceUrl`, `verdict`, `kind`…), when one was. */
    readonly field?: string,
  ) {
    super(message);
  }
}

function firstIssue(error: { issues: readonly { message: string; path: readonly PropertyKey[] }[] }): AnnotationInputError {
  const issue = error.issues[0];
  const field = issue?.path[0];
  return new AnnotationInputError(issue?.message ?? 'Nota inválida.', typeof field === 'string' ? field : undefined);
}

function compareCreated(a: { createdAt: string; id: string }, b: { createdAt: string; id: string }): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function readThread(id: string, m: ThreadMap): AnnotationThread | null {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of m.entries()) {
    if (key !== REPLIES_KEY && key !== RESOLVED_KEY) fields[key] = value;
  }
  const note = storedNoteSchema.safeParse(fields);
  if (!note.success) return null;
  const resolved = resolutionSchema.safeParse(m.get(RESOLVED_KEY) ?? null);
  const list = m.get(REPLIES_KEY);
  const replies: AnnotationReply[] = [];
  if (list instanceof Y.Array) {
    for (const item of list.toArray()) {
      const reply = storedReplySchema.safeParse(item);
      if (reply.success) replies.push(reply.data);
    }
  }
  return { ...note.data, id, resolved: resolved.success ? resolved.data : null, replies };
}

/**
 * Every valid thread, oldest first (then by id, so every replica lists them alike). A thread or a
 * reply that does not satisfy the schema (which the server never lets in) is skipped.
 */
export function readThreads(doc: Y.Doc): AnnotationThread[] {
  const threads: AnnotationThread[] = [];
  annotationThreads(doc).forEach((m, id) => {
    if (!(m instanceof Y.Map)) return;
    const t = readThread(id, m);
    if (t) threads.push(t);
  });
  return threads.sort(compareCreated);
}

/** How many unresolved threads each node has (nodes without any are absent). */
export function openThreadCounts(threads: readonly AnnotationThread[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of threads) {
    if (t.resolved === null) counts.set(t.targetNodeId, (counts.get(t.targetNodeId) ?? 0) + 1);
  }
  return counts;
}

/** What a client says when it adds a note. */
export interface AddNoteInput {
  targetNodeId: string;
  note: NoteDraft;
  author: AnnotationAuthor;
  id?: string;
  now?: Date;
}

/**
 * Starts a thread with a note, in one transaction; returns the thread id. Throws
 * {@link AnnotationInputError} when the note breaks a rule (empty text, no source for an
 * evidencia, a link that is not http(s)…). Whether the author may add notes is the server's call.
 */
export function addNote(doc: Y.Doc, input: AddNoteInput, origin?: unknown): string {
  const draft = noteDraftSchema.safeParse(input.note);
  if (!draft.success) throw firstIssue(draft.error);
  const note = storedNoteSchema.safeParse({
    ...draft.data,
    body: draft.data.body.trim(),
    ...(draft.data.kind === 'evidencia' ? { sourceUrl: draft.data.sourceUrl.trim() } : {}),
    targetNodeId: input.targetNodeId,
    author: input.author,
    createdAt: (input.now ?? new Date()).toISOString(),
  });
  if (!note.success) throw firstIssue(note.error);
  const id = input.id ?? newNodeId();
  doc.transact(() => {
    const m = new Y.Map<unknown>();
    for (const [key, value] of Object.entries(note.data)) m.set(key, value);
    m.set(RESOLVED_KEY, null);
    m.set(REPLIES_KEY, new Y.Array<AnnotationReply>());
    annotationThreads(doc).set(id, m);
  }, origin);
  return id;
}

/** What a client says when it replies. */
export interface AddReplyInput {
  body: string;
  author: AnnotationAuthor;
  id?: string;
  now?: Date;
}

/** Appends a reply to a thread; returns the reply id. Throws when the thread is unknown or the text breaks a rule. */
export function addReply(doc: Y.Doc, threadId: string, input: AddReplyInput, origin?: unknown): string {
  const replies = annotationThreads(doc).get(threadId)?.get(REPLIES_KEY);
  if (!(replies instanceof Y.Array)) throw new Error(`unknown thread ${threadId}`);
  const reply = storedReplySchema.safeParse({
    id: input.id ?? newNodeId(),
    author: annotationAuthorSchema.parse(input.author),
    body: input.body.trim(),
    createdAt: (input.now ?? new Date()).toISOString(),
  });
  if (!reply.success) throw firstIssue(reply.error);
  doc.transact(() => replies.push([reply.data]), origin);
  return reply.data.id;
}

/** Resolves a thread (`by` who, now) or reopens it (`null`). Throws when the thread is unknown. */
export function setResolved(doc: Y.Doc, threadId: string, by: { id: string; name: string } | null, now = new Date(), origin?: unknown): void {
  const thread = annotationThreads(doc).get(threadId);
  if (!(thread instanceof Y.Map)) throw new Error(`unknown thread ${threadId}`);
  const value = by === null ? null : resolutionSchema.parse({ by: { id: by.id, name: by.name }, at: now.toISOString() });
  doc.transact(() => thread.set(RESOLVED_KEY, value), origin);
}
