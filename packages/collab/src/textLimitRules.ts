import * as Y from 'yjs';
import { TEXT_LIMITS, TREE_MAX_NODES } from './contentLimits';
import type { DocumentKind } from './documentNames';
import { NARRATIVE_FIELD } from './roadmapDoc';

/**
 * Text length limits (`TEXT_LIMITS`) checked on one incoming update, without applying it and
 * without copying the document: the update is decoded, the texts its inserted characters land in
 * are found (through the item's parent, or its neighbour's when Yjs left the parent out), and each
 * such text's length after the update is its current length plus what the update inserts minus
 * what it deletes. A keystroke costs a decode and a few look-ups, whatever the document's size.
 */

/** The content rule an update broke; the close reason is `invalid:<rule>` (4422). */
export type ContentRule = 'text-too-long' | 'too-many-nodes' | 'incomplete-update';

/** Why an update is refused; `message` is Spanish (it reaches the person). */
export interface ContentViolation {
  rule: ContentRule;
  message: string;
  /** For `text-too-long`: the limit that was exceeded, in characters; for `too-many-nodes`, in nodes. */
  limit?: number;
}

/** What `Y.decodeUpdate` returns. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/**
 * The longest a text may be in a document of `kind` whose top-level type is `root`; `null` when
 * only the document's size quota bounds it (the roadmap's rich-text narrative). Every text of a
 * tree is a node's label; every text of a roadmap outside the narrative is a field or a list
 * item's text; annotations keep no Y.Text at all (their bodies are checked by the annotation rules).
 */
export function textLimitFor(kind: DocumentKind, root: string): number | null {
  if (kind === 'tree') return TEXT_LIMITS.treeNodeText;
  if (kind === 'annotations') return TEXT_LIMITS.annotationBody;
  return root === NARRATIVE_FIELD ? null : TEXT_LIMITS.roadmapField;
}

/** Where sequence content lands: a type, by the id of the item holding it (or its root name). */
interface Place {
  key: string;
  /** The type's length before the update (0 for a type the update creates). */
  existing: number;
  root: string;
  /** The map key the content is stored under; `null` for sequence content. */
  sub: string | null;
}

/** Yjs discards content whose neighbour or parent was garbage-collected: nothing to count. */
const DISCARDED = 'discarded';
/** The update refers to content neither it nor the document has (Yjs would park it). */
const MISSING = 'missing';
type Resolved = Place | typeof DISCARDED | typeof MISSING;

const idKey = (id: Y.ID) => `${id.client}:${id.clock}`;
const isText = (c: unknown) => c instanceof Y.ContentString || c instanceof Y.ContentEmbed || c instanceof Y.ContentFormat;

function rootName(type: Y.AbstractType<unknown>): string {
  let t = type;
  while (t._item !== null && t._item.parent instanceof Y.AbstractType) t = t._item.parent as Y.AbstractType<unknown>;
  return Y.findRootTypeKey(t);
}

function typeKey(type: Y.AbstractType<unknown>): string {
  return type._item ? idKey(type._item.id) : `root:${rootName(type)}`;
}

/** Finds the struct of `structs` (sorted by clock) holding `clock`. */
function findStruct<T extends { id: Y.ID; length: number }>(structs: readonly T[] | undefined, clock: number): T | undefined {
  if (!structs) return undefined;
  let lo = 0;
  let hi = structs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = structs[mid] as T;
    if (clock < s.id.clock) hi = mid - 1;
    else if (clock >= s.id.clock + s.length) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/** How many of `[clock, clock + len)` of `client` the update's own delete set removes. */
function deletedWithin(ds: DecodedUpdate['ds'], client: number, clock: number, len: number): number {
  let n = 0;
  for (const r of ds.clients.get(client) ?? []) {
    n += Math.max(0, Math.min(clock + len, r.clock + r.len) - Math.max(clock, r.clock));
  }
  return n;
}

class Resolver {
  private readonly byClient = new Map<number, (Y.Item | Y.GC | Y.Skip)[]>();
  private readonly memo = new Map<Y.Item, Resolved>();

  constructor(
    private readonly doc: Y.Doc,
    structs: readonly (Y.Item | Y.GC | Y.Skip)[],
  ) {
    for (const s of structs) {
      let list = this.byClient.get(s.id.client);
      if (!list) this.byClient.set(s.id.client, (list = []));
      list.push(s);
    }
    for (const list of this.byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock);
  }

  private inDoc(id: Y.ID): Y.Item | Y.GC | undefined {
    if (id.clock >= Y.getState(this.doc.store, id.client)) return undefined;
    return findStruct(this.doc.store.clients.get(id.client), id.clock);
  }

  /** The type held by the item `id` (in the document or created by the update). */
  private typePlace(id: Y.ID, sub: string | null): Resolved {
    const held = this.inDoc(id);
    if (held) {
      if (!(held instanceof Y.Item) || !(held.content instanceof Y.ContentType)) return DISCARDED;
      const type = held.content.type as Y.AbstractType<unknown>;
      return { key: idKey(held.id), existing: type._length, root: rootName(type), sub };
    }
    const created = findStruct(this.byClient.get(id.client), id.clock);
    if (!created) return MISSING;
    if (!(created instanceof Y.Item) || !(created.content instanceof Y.ContentType)) return DISCARDED;
    const parent = this.parentOf(created);
    if (typeof parent === 'string') return parent;
    return { key: idKey(created.id), existing: 0, root: parent.root, sub };
  }

  /** Where an item of the update lands. */
  parentOf(item: Y.Item): Resolved {
    const known = this.memo.get(item);
    if (known !== undefined) return known;
    this.memo.set(item, MISSING); // a cycle of references is never integrated
    const resolved = this.resolve(item);
    this.memo.set(item, resolved);
    return resolved;
  }

  private resolve(item: Y.Item): Resolved {
    // Decoded, not yet integrated: the parent is a root's name, an item id, or left out.
    const parent = item.parent as Y.AbstractType<unknown> | Y.ID | string | null;
    if (typeof parent === 'string') {
      const type = this.doc.share.get(parent);
      return { key: `root:${parent}`, existing: type?._length ?? 0, root: parent, sub: item.parentSub };
    }
    if (parent instanceof Y.ID) return this.typePlace(parent, item.parentSub);
    if (parent instanceof Y.AbstractType) return { key: typeKey(parent), existing: parent._length, root: rootName(parent), sub: item.parentSub };
    // Parent info left out: the item sits next to its origin (or right origin), in its parent.
    const neighbour = item.origin ?? item.rightOrigin;
    if (!neighbour) return MISSING;
    const held = this.inDoc(neighbour);
    if (held) {
      if (!(held instanceof Y.Item) || !(held.parent instanceof Y.AbstractType)) return DISCARDED;
      const type = held.parent as Y.AbstractType<unknown>;
      return { key: typeKey(type), existing: type._length, root: rootName(type), sub: held.parentSub };
    }
    const sibling = findStruct(this.byClient.get(neighbour.client), neighbour.clock);
    if (!sibling) return MISSING;
    if (!(sibling instanceof Y.Item)) return DISCARDED;
    return this.parentOf(sibling);
  }

  /** Sequence length each type loses to the update's deletions of content the document has. */
  deletions(ds: DecodedUpdate['ds']): Map<string, number> {
    const lost = new Map<string, number>();
    for (const [client, ranges] of ds.clients) {
      const structs = this.doc.store.clients.get(client);
      if (!structs || structs.length === 0) continue;
      for (const r of ranges) {
        const end = Math.min(r.clock + r.len, Y.getState(this.doc.store, client));
        if (r.clock >= end) continue;
        for (let i = Y.findIndexSS(structs, r.clock); i < structs.length; i++) {
          const s = structs[i] as Y.Item | Y.GC;
          if (s.id.clock >= end) break;
          if (!(s instanceof Y.Item) || s.deleted || !s.countable || s.parentSub !== null) continue;
          if (!(s.parent instanceof Y.AbstractType)) continue;
          const overlap = Math.min(end, s.id.clock + s.length) - Math.max(r.clock, s.id.clock);
          const key = typeKey(s.parent as Y.AbstractType<unknown>);
          lost.set(key, (lost.get(key) ?? 0) + overlap);
        }
      }
    }
    return lost;
  }
}

/** The tree's map of nodes (its root `nodes`), without creating it. */
const TREE_NODES_ROOT = 'nodes';

/** Live entries of a root map, read without creating the type. */
function rootMapSize(doc: Y.Doc, root: string): { size: number; has: (key: string) => boolean } {
  const map = doc.share.get(root)?._map;
  let size = 0;
  for (const item of map?.values() ?? []) if (!item.deleted) size++;
  return { size, has: (key) => map?.get(key)?.deleted === false };
}

/**
 * Checks that no text an update writes into would be longer than its limit
 * ({@link textLimitFor}) once applied, and that a tree keeps at most {@link TREE_MAX_NODES}
 * nodes (an update that only edits or deletes always passes): `null` when fine. A text already over its limit may still
 * shrink. Text whose place cannot be found (it hangs from content neither the update nor the
 * document has, so Yjs would park it and let it in later, unchecked) is refused as
 * `incomplete-update`. Never touches `doc`. Throws when the update cannot be decoded.
 */
export function checkTextLimits(doc: Y.Doc, update: Uint8Array | DecodedUpdate, kind: DocumentKind): ContentViolation | null {
  const { structs, ds } = update instanceof Uint8Array ? Y.decodeUpdate(update) : update;
  if (structs.length === 0) return null;
  const resolver = new Resolver(doc, structs);
  const touched = new Map<string, { place: Place; added: number; text: boolean }>();
  const newNodes = new Set<string>();
  for (const s of structs) {
    if (!(s instanceof Y.Item) || !s.content.isCountable()) continue;
    const offset = Math.max(0, Y.getState(doc.store, s.id.client) - s.id.clock);
    if (offset >= s.length) continue; // already in the document
    const text = isText(s.content);
    const place = resolver.parentOf(s);
    if (kind === 'tree' && typeof place !== 'string' && place.key === `root:${TREE_NODES_ROOT}` && place.sub !== null) newNodes.add(place.sub);
    if (place === MISSING) {
      if (text) return { rule: 'incomplete-update', message: 'El cambio depende de contenido que el servidor no tiene.' };
      continue;
    }
    if (place === DISCARDED || place.sub !== null) continue;
    const from = s.id.clock + offset;
    const added = s.length - offset - deletedWithin(ds, s.id.client, from, s.length - offset);
    const entry = touched.get(place.key) ?? { place, added: 0, text: false };
    entry.added += added;
    entry.text ||= text;
    touched.set(place.key, entry);
  }
  if (newNodes.size > 0) {
    const nodes = rootMapSize(doc, TREE_NODES_ROOT);
    const added = [...newNodes].filter((key) => !nodes.has(key)).length;
    if (added > 0 && nodes.size + added > TREE_MAX_NODES) {
      return { rule: 'too-many-nodes', limit: TREE_MAX_NODES, message: `El árbol alcanzó su máximo de ${TREE_MAX_NODES} nodos.` };
    }
  }
  if (touched.size === 0) return null;
  const lost = resolver.deletions(ds);
  for (const { place, added, text } of touched.values()) {
    if (!text) continue; // no text went into this type (a list got an item, say)
    const limit = textLimitFor(kind, place.root);
    const growth = added - (lost.get(place.key) ?? 0);
    if (limit === null || growth <= 0 || place.existing + growth <= limit) continue;
    return { rule: 'text-too-long', limit, message: `El texto es más largo de lo permitido (máximo ${limit} caracteres).` };
  }
  return null;
}
