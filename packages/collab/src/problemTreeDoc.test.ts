import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PROBLEM_NODE_ID, treeViolations } from '@cocrea/domain';
import {
  addNode,
  applyTextChange,
  deleteSubtree,
  nodeText,
  readTree,
  seedTreeDoc,
  setPositions,
  treeNodes,
} from './problemTreeDoc';

const ana = { id: 'u-ana', name: 'Ana' };

function seeded(): Y.Doc {
  const doc = new Y.Doc();
  seedTreeDoc(doc, { mesaId: 'mesa-123', problemText: 'Baja calidad del agua', createdAt: '2026-01-01T00:00:00.000Z' });
  return doc;
}

function clone(doc: Y.Doc): Y.Doc {
  const c = new Y.Doc();
  Y.applyUpdate(c, Y.encodeStateAsUpdate(doc));
  return c;
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
}

/** A small deterministic PRNG so a failing seed can be replayed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('problem tree document', () => {
  it('seeds exactly one problem with its text', () => {
    const tree = readTree(seeded());
    expect(tree.nodes).toHaveLength(1);
    expect(tree.problem.text).toBe('Baja calidad del agua');
  });

  it('adds causes below and effects above, inheriting the branch', () => {
    const doc = seeded();
    const c = addNode(doc, { parentId: PROBLEM_NODE_ID, kind: 'cause', text: 'Tuberías viejas', author: ana });
    const c2 = addNode(doc, { parentId: c, author: ana });
    const e = addNode(doc, { parentId: PROBLEM_NODE_ID, kind: 'effect', author: ana });
    const tree = readTree(doc);
    const byId = new Map(tree.nodes.map((n) => [n.id, n]));
    expect(byId.get(c2)?.kind).toBe('cause');
    expect(byId.get(c2)?.depth).toBe(2);
    expect(byId.get(c)?.position.y).toBeGreaterThan(tree.problem.position.y);
    expect(byId.get(e)?.position.y).toBeLessThan(tree.problem.position.y);
    expect(byId.get(c)?.createdBy).toEqual(ana);
    expect(() => addNode(doc, { parentId: e, kind: 'cause', author: ana })).toThrow();
    expect(() => addNode(doc, { parentId: PROBLEM_NODE_ID, author: ana })).toThrow();
  });

  it('merges concurrent typing in one node character by character', () => {
    const a = seeded();
    const b = clone(a);
    applyTextChange(nodeText(a, PROBLEM_NODE_ID) as Y.Text, 'Muy baja calidad del agua');
    applyTextChange(nodeText(b, PROBLEM_NODE_ID) as Y.Text, 'Baja calidad del agua potable');
    sync(a, b);
    expect(readTree(a).problem.text).toBe('Muy baja calidad del agua potable');
    expect(readTree(b).problem.text).toBe('Muy baja calidad del agua potable');
  });

  it('keeps a child added under a node another client deleted at the same time', () => {
    const a = seeded();
    const c = addNode(a, { parentId: PROBLEM_NODE_ID, kind: 'cause', author: ana });
    const b = clone(a);
    deleteSubtree(a, c);
    const orphan = addNode(b, { parentId: c, text: 'no se pierde', author: ana });
    sync(a, b);
    const tree = readTree(a);
    expect(tree.nodes.find((n) => n.id === orphan)?.parentId).toBe(PROBLEM_NODE_ID);
    expect(treeViolations(tree)).toEqual([]);
    expect(readTree(b)).toEqual(tree);
  });

  it('refuses to delete the problem', () => {
    expect(() => deleteSubtree(seeded(), PROBLEM_NODE_ID)).toThrow();
  });

  it('moves several nodes in one transaction', () => {
    const doc = seeded();
    const c = addNode(doc, { parentId: PROBLEM_NODE_ID, kind: 'cause', author: ana });
    let updates = 0;
    doc.on('update', () => updates++);
    setPositions(doc, new Map([[c, { x: 10, y: 500 }], [PROBLEM_NODE_ID, { x: 10, y: 20 }]]));
    expect(updates).toBe(1);
    expect(readTree(doc).nodes.find((n) => n.id === c)?.position).toEqual({ x: 10, y: 500 });
  });

  it('converges to one valid tree after random concurrent edits on five replicas', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const rnd = prng(seed);
      const base = seeded();
      const replicas = Array.from({ length: 5 }, () => clone(base));
      for (let round = 0; round < 12; round++) {
        for (const doc of replicas) {
          const ops = 1 + Math.floor(rnd() * 4);
          for (let k = 0; k < ops; k++) {
            const tree = readTree(doc);
            const target = tree.nodes[Math.floor(rnd() * tree.nodes.length)];
            if (!target) continue;
            const r = rnd();
            if (r < 0.4) {
              const kind = rnd() < 0.5 ? 'cause' : 'effect';
              addNode(doc, { parentId: target.id, ...(target.kind === 'problem' ? { kind } : {}), author: ana });
            } else if (r < 0.6 && target.kind !== 'problem') {
              deleteSubtree(doc, target.id);
            } else if (r < 0.8) {
              const t = nodeText(doc, target.id);
              if (t) applyTextChange(t, `${t.toJSON()}${String.fromCharCode(97 + Math.floor(rnd() * 26))}`);
            } else if (r < 0.9) {
              // A misbehaving client re-parents a node without any check: cycles and
              // cross-branch parents must still read as a valid tree.
              const other = tree.nodes[Math.floor(rnd() * tree.nodes.length)];
              if (other && target.kind !== 'problem') treeNodes(doc).get(target.id)?.set('parentId', other.id);
            } else {
              setPositions(doc, new Map([[target.id, { x: rnd() * 1000 - 500, y: rnd() * 1000 - 500 }]]));
            }
          }
        }
        // Sync a random pair, so replicas stay divergent between rounds.
        const i = Math.floor(rnd() * replicas.length);
        const j = Math.floor(rnd() * replicas.length);
        if (i !== j) sync(replicas[i] as Y.Doc, replicas[j] as Y.Doc);
      }
      for (let i = 0; i < replicas.length; i++) {
        for (let j = 0; j < replicas.length; j++) sync(replicas[i] as Y.Doc, replicas[j] as Y.Doc);
      }
      const trees = replicas.map(readTree);
      for (const t of trees) {
        expect(treeViolations(t), `seed ${seed}`).toEqual([]);
        expect(t, `seed ${seed}`).toEqual(trees[0]);
      }
    }
  });
});

describe('applyTextChange', () => {
  it.each([
    ['', 'hola'],
    ['hola', ''],
    ['hola mundo', 'hola bonito mundo'],
    ['aaa', 'aa'],
    ['abc', 'xyz'],
    ['árbol', 'árboles'],
  ])('turns %j into %j', (from, to) => {
    const doc = new Y.Doc();
    const t = doc.getText('t');
    t.insert(0, from);
    applyTextChange(t, to);
    expect(t.toJSON()).toBe(to);
  });
});
