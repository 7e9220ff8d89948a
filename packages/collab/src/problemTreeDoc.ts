import * as Y from 'yjs';
import {
  normalizeTree,
  PROBLEM_NODE_ID,
  subtreeIds,
  type Author,
  type Point,
  type ProblemTree,
  type RawTreeNode,
} from '@cocrea/domain';

/**
 * How a problem tree lives in a Y.Doc (document `mesa:<id>:tree`):
 *
 * - `nodes`: Y.Map<nodeId, Y.Map> — one nested map per node, so that concurrent edits to
 *   different fields of one node (text vs. position) never overwrite each other. Fields:
 *   `kind` ('problem'|'cause'|'effect'), `parentId` (string|null), `text` (Y.Text, edited
 *   character by character), `position` ({x, y}, replaced whole on every move),
 *   `createdBy` ({id, name}), `createdAt` (ISO 8601).
 * - `meta`: Y.Map with `schemaVersion` and `mesaId`.
 *
 * Selection, dragging and measured sizes are per-client and never enter the document.
 */
export const TREE_SCHEMA_VERSION = 1;

/** Vertical distance between a parent and a new child, in flow units. */
export const LEVEL_SPACING = 160;
/** Horizontal distance between siblings placed automatically. */
export const SIBLING_SPACING = 240;

type NodeMap = Y.Map<unknown>;

/** The shared map of nodes. */
export function treeNodes(doc: Y.Doc): Y.Map<NodeMap> {
  return doc.getMap<NodeMap>('nodes');
}

/** The shared metadata map. */
export function treeMeta(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>('meta');
}

/** A fresh, URL-safe random id; works in insecure browser contexts (no `randomUUID`). */
export function newNodeId(): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  let s = '';
  for (const b of bytes) s += 'abcdefghijklmnopqrstuvwxyz0123456789'[b % 36];
  return s;
}

function isPoint(v: unknown): v is Point {
  return (
    typeof v === 'object' && v !== null && Number.isFinite((v as Point).x) && Number.isFinite((v as Point).y)
  );
}

function isAuthor(v: unknown): v is Author {
  return typeof v === 'object' && v !== null && typeof (v as Author).id === 'string' && typeof (v as Author).name === 'string';
}

function readRaw(id: string, m: NodeMap): RawTreeNode {
  const text = m.get('text');
  const position = m.get('position');
  const createdBy = m.get('createdBy');
  const createdAt = m.get('createdAt');
  return {
    id,
    kind: m.get('kind'),
    parentId: m.get('parentId'),
    text: text instanceof Y.Text ? text.toJSON() : '',
    position: isPoint(position) ? { x: position.x, y: position.y } : { x: 0, y: 0 },
    createdBy: isAuthor(createdBy) ? { id: createdBy.id, name: createdBy.name } : null,
    createdAt: typeof createdAt === 'string' ? createdAt : null,
  };
}

/** Reads the tree as every client and the server see it (normalized; see `normalizeTree`). */
export function readTree(doc: Y.Doc): ProblemTree {
  const raws: RawTreeNode[] = [];
  treeNodes(doc).forEach((m, id) => {
    if (m instanceof Y.Map) raws.push(readRaw(id, m));
  });
  return normalizeTree(raws);
}

/** Fills an empty document with the central problem. Only the server calls this, once. */
export function seedTreeDoc(doc: Y.Doc, seed: { mesaId: string; problemText: string; createdAt: string }): void {
  doc.transact(() => {
    const meta = treeMeta(doc);
    meta.set('schemaVersion', TREE_SCHEMA_VERSION);
    meta.set('mesaId', seed.mesaId);
    const problem = new Y.Map<unknown>();
    problem.set('kind', 'problem');
    problem.set('parentId', null);
    problem.set('text', new Y.Text(seed.problemText));
    problem.set('position', { x: 0, y: 0 });
    problem.set('createdBy', null);
    problem.set('createdAt', seed.createdAt);
    treeNodes(doc).set(PROBLEM_NODE_ID, problem);
  }, 'seed');
}

/** What a client says when it adds a cause or an effect. */
export interface AddNodeInput {
  parentId: string;
  /** Needed only under the problem; below a cause/effect the child takes its parent's kind. */
  kind?: 'cause' | 'effect';
  text?: string;
  author: Author;
  id?: string;
  position?: Point;
  now?: Date;
}

/**
 * Adds a cause or an effect under `parentId`; returns the new id.
 * Throws when the parent is not in the tree or the kind does not fit the parent's branch.
 */
export function addNode(doc: Y.Doc, input: AddNodeInput, origin?: unknown): string {
  const tree = readTree(doc);
  const parent = tree.nodes.find((n) => n.id === input.parentId);
  if (!parent) throw new Error(`unknown parent ${input.parentId}`);
  const kind = parent.kind === 'problem' ? input.kind : parent.kind;
  if (kind !== 'cause' && kind !== 'effect') throw new Error('a child of the problem needs a kind');
  if (input.kind !== undefined && input.kind !== kind) throw new Error(`a ${parent.kind} cannot have a ${input.kind} child`);
  const siblings = tree.nodes.filter((n) => n.parentId === parent.id && n.kind === kind).length;
  const side = siblings % 2 === 0 ? 1 : -1;
  const position = input.position ?? {
    x: parent.position.x + (siblings === 0 ? 0 : side * Math.ceil(siblings / 2) * SIBLING_SPACING),
    y: parent.position.y + (kind === 'cause' ? LEVEL_SPACING : -LEVEL_SPACING),
  };
  const id = input.id ?? newNodeId();
  doc.transact(() => {
    const m = new Y.Map<unknown>();
    m.set('kind', kind);
    m.set('parentId', parent.id);
    m.set('text', new Y.Text(input.text ?? ''));
    m.set('position', position);
    m.set('createdBy', { id: input.author.id, name: input.author.name });
    m.set('createdAt', (input.now ?? new Date()).toISOString());
    treeNodes(doc).set(id, m);
  }, origin);
  return id;
}

/** The co-editable text of a node, or `undefined` if the node does not exist. */
export function nodeText(doc: Y.Doc, id: string): Y.Text | undefined {
  const t = treeNodes(doc).get(id)?.get('text');
  return t instanceof Y.Text ? t : undefined;
}

/**
 * Applies the difference between a Y.Text and a new value as one delete + one insert around the
 * common prefix and suffix, so concurrent typing elsewhere in the text is preserved.
 */
export function applyTextChange(text: Y.Text, next: string, origin?: unknown): void {
  const prev = text.toJSON();
  if (prev === next) return;
  let start = 0;
  const max = Math.min(prev.length, next.length);
  while (start < max && prev.charCodeAt(start) === next.charCodeAt(start)) start++;
  let end = 0;
  while (
    end < max - start &&
    prev.charCodeAt(prev.length - 1 - end) === next.charCodeAt(next.length - 1 - end)
  ) {
    end++;
  }
  const apply = () => {
    const removed = prev.length - start - end;
    if (removed > 0) text.delete(start, removed);
    const inserted = next.slice(start, next.length - end);
    if (inserted.length > 0) text.insert(start, inserted);
  };
  if (text.doc) text.doc.transact(apply, origin);
  else apply();
}

/** Moves nodes in one transaction (a multi-node drag or a tidy layout is one change). */
export function setPositions(doc: Y.Doc, positions: ReadonlyMap<string, Point>, origin?: unknown): void {
  const nodes = treeNodes(doc);
  doc.transact(() => {
    for (const [id, p] of positions) {
      const m = nodes.get(id);
      if (!m || !isPoint(p)) continue;
      const cur = m.get('position');
      if (isPoint(cur) && cur.x === p.x && cur.y === p.y) continue;
      m.set('position', { x: p.x, y: p.y });
    }
  }, origin);
}

/** Deletes a cause or effect and everything that hangs from it. The problem cannot be deleted. */
export function deleteSubtree(doc: Y.Doc, id: string, origin?: unknown): string[] {
  if (id === PROBLEM_NODE_ID) throw new Error('the central problem cannot be deleted');
  const tree = readTree(doc);
  if (!tree.nodes.some((n) => n.id === id)) return [];
  const ids = subtreeIds(tree, id);
  const nodes = treeNodes(doc);
  doc.transact(() => {
    for (const d of ids) nodes.delete(d);
  }, origin);
  return ids;
}
