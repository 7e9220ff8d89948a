/**
 * The *árbol de problemas*: one central problem, its causes below and its effects above.
 * This module is the single interpretation of a tree's raw records, shared by every reader
 * (canvas, server exports, tests), so that any state two replicas converge to reads the same
 * and satisfies the invariants, whatever concurrent edits produced it.
 */

/** Fixed id of the one central problem; seeded by the server when the mesa is created. */
export const PROBLEM_NODE_ID = 'problem';

/** Minimum vertical distance between the problem and its direct causes/effects on the canvas. */
export const MIN_LEVEL_GAP = 80;

/** *problema central*, *causa* or *efecto*. */
export type TreeNodeKind = 'problem' | 'cause' | 'effect';

/** A position on the canvas, in flow coordinates. */
export interface Point {
  x: number;
  y: number;
}

/** Who created a node. */
export interface Author {
  id: string;
  name: string;
}

/** One node as stored, possibly inconsistent after concurrent edits or a misbehaving client. */
export interface RawTreeNode {
  id: string;
  kind: unknown;
  parentId: unknown;
  text: string;
  position: Point;
  createdBy: Author | null;
  createdAt: string | null;
}

/** One node as every reader sees it: a valid place in the tree. */
export interface TreeNode {
  id: string;
  kind: TreeNodeKind;
  /** `null` only for the problem. */
  parentId: string | null;
  text: string;
  position: Point;
  /** 0 for the problem, 1 for direct causes/effects, 2+ for indirect ones. */
  depth: number;
  createdBy: Author | null;
  createdAt: string | null;
}

/** A problem tree after normalization. */
export interface ProblemTree {
  problem: TreeNode;
  /** Every node including the problem, parents before children, siblings by creation then id. */
  nodes: TreeNode[];
  /** Ids of nodes whose stored parent was missing, of the wrong kind or in a cycle. */
  reattached: string[];
}

function isBranchKind(kind: unknown): kind is 'cause' | 'effect' {
  return kind === 'cause' || kind === 'effect';
}

function compareRaw(a: RawTreeNode, b: RawTreeNode): number {
  const ta = a.createdAt ?? '';
  const tb = b.createdAt ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Turns raw records into a valid tree, deterministically:
 * - exactly one problem (the node with {@link PROBLEM_NODE_ID}); other nodes claiming to be a
 *   problem, or of an unknown kind, are ignored;
 * - a node whose parent is missing (deleted concurrently) or of the other branch is re-attached to
 *   the problem, so nobody's work disappears;
 * - a cycle is broken by re-attaching its member with the smallest id to the problem;
 * - causes are drawn below the problem and effects above it.
 */
export function normalizeTree(records: Iterable<RawTreeNode>): ProblemTree {
  const byId = new Map<string, RawTreeNode>();
  let problemRaw: RawTreeNode | undefined;
  for (const r of records) {
    if (r.id === PROBLEM_NODE_ID) problemRaw = r;
    else if (isBranchKind(r.kind)) byId.set(r.id, r);
  }
  const problemSource: RawTreeNode = problemRaw ?? {
    id: PROBLEM_NODE_ID,
    kind: 'problem',
    parentId: null,
    text: '',
    position: { x: 0, y: 0 },
    createdBy: null,
    createdAt: null,
  };

  // Effective parent of every branch node: its stored parent if that is the problem or a node of
  // the same branch, otherwise the problem.
  const parentOf = new Map<string, string>();
  const reattached = new Set<string>();
  for (const r of byId.values()) {
    const p = typeof r.parentId === 'string' ? r.parentId : undefined;
    const parent = p === undefined ? undefined : byId.get(p);
    if (p !== undefined && (p === PROBLEM_NODE_ID || (parent !== undefined && parent.kind === r.kind && p !== r.id))) {
      parentOf.set(r.id, p);
    } else {
      parentOf.set(r.id, PROBLEM_NODE_ID);
      reattached.add(r.id);
    }
  }

  // Break cycles. `state`: 1 = on the current walk, 2 = known to reach the problem.
  const state = new Map<string, 1 | 2>();
  const ids = [...byId.keys()].sort();
  for (const start of ids) {
    const walk: string[] = [];
    let cur = start;
    while (cur !== PROBLEM_NODE_ID && state.get(cur) !== 2) {
      if (state.get(cur) === 1) {
        const cycle = walk.slice(walk.indexOf(cur));
        const breaker = cycle.reduce((min, id) => (id < min ? id : min));
        parentOf.set(breaker, PROBLEM_NODE_ID);
        reattached.add(breaker);
        break;
      }
      state.set(cur, 1);
      walk.push(cur);
      cur = parentOf.get(cur) ?? PROBLEM_NODE_ID;
    }
    for (const id of walk) state.set(id, 2);
  }

  const children = new Map<string, RawTreeNode[]>();
  for (const r of byId.values()) {
    const p = parentOf.get(r.id) ?? PROBLEM_NODE_ID;
    const list = children.get(p);
    if (list) list.push(r);
    else children.set(p, [r]);
  }
  for (const list of children.values()) list.sort(compareRaw);

  const problem: TreeNode = {
    id: PROBLEM_NODE_ID,
    kind: 'problem',
    parentId: null,
    text: problemSource.text,
    position: problemSource.position,
    depth: 0,
    createdBy: problemSource.createdBy,
    createdAt: problemSource.createdAt,
  };
  const nodes: TreeNode[] = [problem];
  const queue: TreeNode[] = [problem];
  while (queue.length > 0) {
    const parent = queue.shift() as TreeNode;
    for (const r of children.get(parent.id) ?? []) {
      const kind = r.kind as 'cause' | 'effect';
      const node: TreeNode = {
        id: r.id,
        kind,
        parentId: parent.id,
        text: r.text,
        position: clampToBranch(kind, r.position, problem.position),
        depth: parent.depth + 1,
        createdBy: r.createdBy,
        createdAt: r.createdAt,
      };
      nodes.push(node);
      queue.push(node);
    }
  }
  return { problem, nodes, reattached: [...reattached].sort() };
}

/** Keeps causes below and effects above the problem, whatever positions were stored. */
export function clampToBranch(kind: 'cause' | 'effect', p: Point, problem: Point): Point {
  if (kind === 'cause') return { x: p.x, y: Math.max(p.y, problem.y + MIN_LEVEL_GAP) };
  return { x: p.x, y: Math.min(p.y, problem.y - MIN_LEVEL_GAP) };
}

/**
 * Lists every broken invariant of a normalized tree; empty when the tree is valid.
 * Used by tests and by the server before it exports a tree.
 */
export function treeViolations(tree: ProblemTree): string[] {
  const out: string[] = [];
  const byId = new Map(tree.nodes.map((n) => [n.id, n]));
  const problems = tree.nodes.filter((n) => n.kind === 'problem');
  if (problems.length !== 1) out.push(`expected one problem, found ${problems.length}`);
  if (byId.size !== tree.nodes.length) out.push('duplicate node ids');
  for (const n of tree.nodes) {
    if (n.kind === 'problem') continue;
    const seen = new Set<string>();
    let cur: TreeNode | undefined = n;
    while (cur && cur.kind !== 'problem') {
      if (seen.has(cur.id)) {
        out.push(`cycle through ${n.id}`);
        break;
      }
      seen.add(cur.id);
      const parent: TreeNode | undefined = cur.parentId === null ? undefined : byId.get(cur.parentId);
      if (!parent) {
        out.push(`${cur.id} has no parent in the tree`);
        break;
      }
      if (parent.kind !== 'problem' && parent.kind !== cur.kind) {
        out.push(`${cur.id} (${cur.kind}) hangs from ${parent.id} (${parent.kind})`);
      }
      cur = parent;
    }
    if (n.kind === 'cause' && n.position.y <= tree.problem.position.y) {
      out.push(`cause ${n.id} is drawn above the problem`);
    }
    if (n.kind === 'effect' && n.position.y >= tree.problem.position.y) {
      out.push(`effect ${n.id} is drawn below the problem`);
    }
  }
  return out;
}

/** Ids of a node and everything that hangs from it, in a normalized tree. */
export function subtreeIds(tree: ProblemTree, rootId: string): string[] {
  const kids = new Map<string, string[]>();
  for (const n of tree.nodes) {
    if (n.parentId === null) continue;
    const list = kids.get(n.parentId);
    if (list) list.push(n.id);
    else kids.set(n.parentId, [n.id]);
  }
  const out: string[] = [];
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    out.push(id);
    stack.push(...(kids.get(id) ?? []));
  }
  return out;
}
