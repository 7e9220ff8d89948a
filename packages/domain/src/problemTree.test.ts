import { describe, expect, it } from 'vitest';
import { MIN_LEVEL_GAP, normalizeTree, PROBLEM_NODE_ID, subtreeIds, treeViolations, type RawTreeNode } from './problemTree';

function raw(id: string, kind: unknown, parentId: unknown, y = 0, createdAt = '2026-01-01T00:00:00Z'): RawTreeNode {
  return { id, kind, parentId, text: id, position: { x: 0, y }, createdBy: null, createdAt };
}

const problem = raw(PROBLEM_NODE_ID, 'problem', null, 0);

describe('normalizeTree', () => {
  it('keeps a well-formed tree as it is', () => {
    const tree = normalizeTree([problem, raw('c1', 'cause', 'problem', 200), raw('c2', 'cause', 'c1', 400), raw('e1', 'effect', 'problem', -200)]);
    expect(tree.nodes.map((n) => [n.id, n.parentId, n.depth])).toEqual([
      ['problem', null, 0],
      ['c1', 'problem', 1],
      ['e1', 'problem', 1],
      ['c2', 'c1', 2],
    ]);
    expect(tree.reattached).toEqual([]);
    expect(treeViolations(tree)).toEqual([]);
  });

  it('re-attaches a node whose parent was deleted to the problem', () => {
    const tree = normalizeTree([problem, raw('c2', 'cause', 'gone', 300)]);
    expect(tree.nodes.find((n) => n.id === 'c2')?.parentId).toBe('problem');
    expect(tree.reattached).toEqual(['c2']);
    expect(treeViolations(tree)).toEqual([]);
  });

  it('never hangs a cause from an effect', () => {
    const tree = normalizeTree([problem, raw('e1', 'effect', 'problem', -200), raw('c1', 'cause', 'e1', 200)]);
    expect(tree.nodes.find((n) => n.id === 'c1')?.parentId).toBe('problem');
    expect(treeViolations(tree)).toEqual([]);
  });

  it('breaks a cycle at its smallest id', () => {
    const tree = normalizeTree([problem, raw('b', 'cause', 'a', 200), raw('a', 'cause', 'c', 200), raw('c', 'cause', 'b', 200)]);
    expect(tree.nodes.find((n) => n.id === 'a')?.parentId).toBe('problem');
    expect(tree.nodes.find((n) => n.id === 'c')?.parentId).toBe('b');
    expect(tree.reattached).toEqual(['a']);
    expect(treeViolations(tree)).toEqual([]);
  });

  it('breaks a self-loop', () => {
    const tree = normalizeTree([problem, raw('a', 'cause', 'a', 200)]);
    expect(tree.nodes.find((n) => n.id === 'a')?.parentId).toBe('problem');
  });

  it('ignores a second problem and unknown kinds', () => {
    const tree = normalizeTree([problem, raw('p2', 'problem', null), raw('x', 'banana', 'problem'), raw('c', 'cause', 'p2', 100)]);
    expect(tree.nodes.filter((n) => n.kind === 'problem')).toHaveLength(1);
    expect(tree.nodes.map((n) => n.id)).toEqual(['problem', 'c']);
    expect(tree.nodes[1]?.parentId).toBe('problem');
  });

  it('draws causes below and effects above the problem whatever was stored', () => {
    const tree = normalizeTree([raw(PROBLEM_NODE_ID, 'problem', null, 50), raw('c', 'cause', 'problem', -500), raw('e', 'effect', 'problem', 900)]);
    expect(tree.nodes.find((n) => n.id === 'c')?.position.y).toBe(50 + MIN_LEVEL_GAP);
    expect(tree.nodes.find((n) => n.id === 'e')?.position.y).toBe(50 - MIN_LEVEL_GAP);
    expect(treeViolations(tree)).toEqual([]);
  });

  it('synthesizes an empty problem if it is missing', () => {
    const tree = normalizeTree([raw('c', 'cause', 'problem', 100)]);
    expect(tree.problem.text).toBe('');
    expect(tree.nodes).toHaveLength(2);
  });

  it('orders siblings by creation time, then id', () => {
    const tree = normalizeTree([problem, raw('z', 'cause', 'problem', 100, '2026-01-01T00:00:00Z'), raw('a', 'cause', 'problem', 100, '2026-01-02T00:00:00Z')]);
    expect(tree.nodes.map((n) => n.id)).toEqual(['problem', 'z', 'a']);
  });
});

describe('treeViolations', () => {
  it('reports a cause drawn above the problem', () => {
    const tree = normalizeTree([problem, raw('c', 'cause', 'problem', 200)]);
    const broken = { ...tree, nodes: tree.nodes.map((n) => (n.id === 'c' ? { ...n, position: { x: 0, y: -10 } } : n)) };
    expect(treeViolations(broken)).toEqual(['cause c is drawn above the problem']);
  });
});

describe('subtreeIds', () => {
  it('lists a node and all its descendants', () => {
    const tree = normalizeTree([problem, raw('c1', 'cause', 'problem', 200), raw('c2', 'cause', 'c1', 300), raw('c3', 'cause', 'c2', 400), raw('c4', 'cause', 'problem', 200)]);
    expect(subtreeIds(tree, 'c1').sort()).toEqual(['c1', 'c2', 'c3']);
  });
});
