import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PROBLEM_NODE_ID } from '@cocrea/domain';
import { TEXT_LIMITS, TREE_MAX_NODES } from './contentLimits';
import { addNode, applyTextChange, deleteSubtree, nodeText, seedTreeDoc, treeNodes } from './problemTreeDoc';
import { addRoadmapItem, NARRATIVE_FIELD, roadmapItem, roadmapText, seedRoadmapDoc } from './roadmapDoc';
import { checkTextLimits } from './textLimitRules';

const author = { id: 'p_ana000001', name: 'Ana' };

function tree(): Y.Doc {
  const doc = new Y.Doc();
  seedTreeDoc(doc, { mesaId: 'mesa000001', problemText: 'Agua turbia', createdAt: new Date(0).toISOString() });
  return doc;
}

/** The update a client holding `doc`'s state sends after `edit` (on its own copy). */
function updateFrom(doc: Y.Doc, edit: (client: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
  const sv = Y.encodeStateVector(client);
  edit(client);
  return Y.encodeStateAsUpdate(client, sv);
}

const max = TEXT_LIMITS.treeNodeText;

describe('text limits checked on the update itself', () => {
  it('lets ordinary typing through, up to the limit exactly', () => {
    const doc = tree();
    const u = updateFrom(doc, (c) => nodeText(c, PROBLEM_NODE_ID)?.insert(0, 'Mucha '));
    expect(checkTextLimits(doc, u, 'tree')).toBeNull();
    Y.applyUpdate(doc, u);
    const fill = updateFrom(doc, (c) => applyTextChange(nodeText(c, PROBLEM_NODE_ID) as Y.Text, 'x'.repeat(max)));
    expect(checkTextLimits(doc, fill, 'tree')).toBeNull();
    Y.applyUpdate(doc, fill);
    // Replacing the whole text (delete + insert in one update) keeps the length: allowed.
    const replace = updateFrom(doc, (c) => applyTextChange(nodeText(c, PROBLEM_NODE_ID) as Y.Text, 'y'.repeat(max)));
    expect(checkTextLimits(doc, replace, 'tree')).toBeNull();
  });

  it('refuses a keystroke past the limit of an existing node text', () => {
    const doc = tree();
    Y.applyUpdate(doc, updateFrom(doc, (c) => applyTextChange(nodeText(c, PROBLEM_NODE_ID) as Y.Text, 'x'.repeat(max))));
    const one = updateFrom(doc, (c) => nodeText(c, PROBLEM_NODE_ID)?.insert(max, '!'));
    expect(checkTextLimits(doc, one, 'tree')).toMatchObject({ rule: 'text-too-long', limit: max });
    // Typing in the middle: Yjs encodes the insert by its neighbours only, without the parent.
    const middle = updateFrom(doc, (c) => nodeText(c, PROBLEM_NODE_ID)?.insert(10, 'abc'));
    expect(checkTextLimits(doc, middle, 'tree')?.rule).toBe('text-too-long');
  });

  it('refuses a new node created with a text that is too long, and long typing inside one update', () => {
    const doc = tree();
    const created = updateFrom(doc, (c) => addNode(c, { parentId: PROBLEM_NODE_ID, kind: 'cause', text: 'x'.repeat(max + 1), author }));
    expect(checkTextLimits(doc, created, 'tree')?.rule).toBe('text-too-long');
    const typed = updateFrom(doc, (c) => {
      const id = addNode(c, { parentId: PROBLEM_NODE_ID, kind: 'cause', text: 'x', author });
      const t = nodeText(c, id) as Y.Text;
      for (let i = 0; i < max; i++) t.insert(t.length, 'y');
    });
    expect(checkTextLimits(doc, typed, 'tree')?.rule).toBe('text-too-long');
    const fine = updateFrom(doc, (c) => addNode(c, { parentId: PROBLEM_NODE_ID, kind: 'cause', text: 'x'.repeat(max), author }));
    expect(checkTextLimits(doc, fine, 'tree')).toBeNull();
  });

  it('counts only what the update adds: inserted-then-deleted text and already-applied parts are not growth', () => {
    const doc = tree();
    const u = updateFrom(doc, (c) => {
      const t = nodeText(c, PROBLEM_NODE_ID) as Y.Text;
      t.insert(0, 'z'.repeat(max * 2));
      t.delete(0, max * 2);
    });
    expect(checkTextLimits(doc, u, 'tree')).toBeNull();
    const state = Y.encodeStateAsUpdate(doc);
    expect(checkTextLimits(doc, state, 'tree')).toBeNull();
  });

  it('lets a text already over its limit shrink', () => {
    const doc = tree();
    (nodeText(doc, PROBLEM_NODE_ID) as Y.Text).insert(0, 'x'.repeat(max + 50));
    expect(checkTextLimits(doc, updateFrom(doc, (c) => nodeText(c, PROBLEM_NODE_ID)?.delete(0, 10)), 'tree')).toBeNull();
    expect(checkTextLimits(doc, updateFrom(doc, (c) => nodeText(c, PROBLEM_NODE_ID)?.insert(0, 'y')), 'tree')?.rule).toBe('text-too-long');
  });

  it('applies the roadmap limit to fields and list items, not to the narrative', () => {
    const doc = new Y.Doc();
    seedRoadmapDoc(doc, { mesaId: 'mesa000001', commitmentId: 'comm000001' });
    const limit = TEXT_LIMITS.roadmapField;
    expect(checkTextLimits(doc, updateFrom(doc, (c) => roadmapText(c, 'finalResult')?.insert(0, 'x'.repeat(limit))), 'roadmap')).toBeNull();
    expect(checkTextLimits(doc, updateFrom(doc, (c) => roadmapText(c, 'finalResult')?.insert(0, 'x'.repeat(limit + 1))), 'roadmap')?.rule).toBe('text-too-long');
    const item = updateFrom(doc, (c) => {
      const id = addRoadmapItem(c, 'products');
      (roadmapItem(c, 'products', id)?.get('text') as Y.Text).insert(0, 'p'.repeat(limit + 1));
    });
    expect(checkTextLimits(doc, item, 'roadmap')).toMatchObject({ rule: 'text-too-long', limit });
    const narrative = updateFrom(doc, (c) => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText('n'.repeat(limit + 1))]);
      c.getXmlFragment(NARRATIVE_FIELD).insert(0, [p]);
    });
    expect(checkTextLimits(doc, narrative, 'roadmap')).toBeNull();
  });

  it('refuses text hanging from content the server does not have (it would be parked, then let in unchecked)', () => {
    const doc = tree();
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
    const sv0 = Y.encodeStateVector(client);
    const text = nodeText(client, PROBLEM_NODE_ID) as Y.Text;
    text.insert(0, 'a');
    const sv1 = Y.encodeStateVector(client);
    text.insert(1, 'b'.repeat(max * 3));
    const tail = Y.encodeStateAsUpdate(client, sv1);
    expect(checkTextLimits(doc, tail, 'tree')?.rule).toBe('incomplete-update');
    expect(checkTextLimits(doc, Y.encodeStateAsUpdate(client, sv0), 'tree')?.rule).toBe('text-too-long');
  });

  it('refuses long text put into any other type of a tree, including a new top-level one', () => {
    const doc = tree();
    expect(checkTextLimits(doc, updateFrom(doc, (c) => c.getText('intruso').insert(0, 'x'.repeat(max + 1))), 'tree')?.rule).toBe('text-too-long');
  });
});

describe('a tree keeps at most TREE_MAX_NODES nodes', () => {
  const grow = (doc: Y.Doc, n: number) =>
    updateFrom(doc, (c) =>
      c.transact(() => {
        for (let i = 0; i < n; i++) addNode(c, { parentId: PROBLEM_NODE_ID, kind: 'cause', text: `Causa ${i}`, author });
      }),
    );

  it('lets a tree fill up to the limit, then refuses one node more; editing and deleting still pass', () => {
    const doc = tree(); // the central problem is one node
    const fill = grow(doc, TREE_MAX_NODES - 1);
    expect(checkTextLimits(doc, fill, 'tree')).toBeNull();
    Y.applyUpdate(doc, fill);
    expect(treeNodes(doc).size).toBe(TREE_MAX_NODES);
    expect(checkTextLimits(doc, grow(doc, 1), 'tree')).toMatchObject({ rule: 'too-many-nodes', limit: TREE_MAX_NODES });
    const typing = updateFrom(doc, (c) => nodeText(c, PROBLEM_NODE_ID)?.insert(0, 'Mucha '));
    expect(checkTextLimits(doc, typing, 'tree')).toBeNull();
    const last = [...treeNodes(doc).keys()].find((k) => k !== PROBLEM_NODE_ID) as string;
    const trim = updateFrom(doc, (c) => deleteSubtree(c, last));
    expect(checkTextLimits(doc, trim, 'tree')).toBeNull();
    Y.applyUpdate(doc, trim);
    expect(checkTextLimits(doc, grow(doc, 1), 'tree')).toBeNull();
  });

  it('counts the nodes of a document loaded from storage (no getMap yet) and a whole forged batch at once', () => {
    const source = tree();
    Y.applyUpdate(source, grow(source, 10));
    const loaded = new Y.Doc();
    Y.applyUpdate(loaded, Y.encodeStateAsUpdate(source));
    expect(checkTextLimits(loaded, grow(source, TREE_MAX_NODES - 11), 'tree')).toBeNull();
    expect(checkTextLimits(loaded, grow(source, TREE_MAX_NODES - 10), 'tree')).toMatchObject({ rule: 'too-many-nodes' });
  });
});
