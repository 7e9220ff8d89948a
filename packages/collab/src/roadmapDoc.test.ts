import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { roadmapProblems } from '@cocrea/domain';
import { applyTextChange } from './problemTreeDoc';
import {
  addRoadmapItem,
  NARRATIVE_FIELD,
  readRoadmap,
  removeRoadmapItem,
  roadmapItem,
  roadmapList,
  roadmapText,
  seedRoadmapDoc,
  setOdsTarget,
  setRoadmapDate,
} from './roadmapDoc';

function seeded(): Y.Doc {
  const doc = new Y.Doc();
  seedRoadmapDoc(doc, { mesaId: 'mesa123', commitmentId: 'comp456' });
  return doc;
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
}

describe('roadmap document', () => {
  it('is seeded with every field and one empty item per list, and reads as an incomplete draft', () => {
    const draft = readRoadmap(seeded());
    expect(draft.activities).toHaveLength(1);
    expect(draft.indicators).toHaveLength(1);
    expect(draft.expectedProducts).toEqual(['']);
    expect(roadmapProblems(draft).length).toBeGreaterThan(10);
  });

  it('reads what collaborators wrote, including the Tiptap narrative', () => {
    const doc = seeded();
    applyTextChange(roadmapText(doc, 'responsibleName') as Y.Text, 'Laura Méndez');
    const actId = roadmapList(doc, 'activities').get(0).get('id') as string;
    applyTextChange(roadmapItem(doc, 'activities', actId)?.get('description') as Y.Text, 'Diagnóstico');
    setRoadmapDate(doc, 'startDate', '2027-01-15', actId);
    setRoadmapDate(doc, 'endDate', '2027-12-15');
    setOdsTarget(doc, '6.1', true);
    setOdsTarget(doc, '16.10', true);
    setOdsTarget(doc, '6.1', false);
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('Primer párrafo')]);
    const list = new Y.XmlElement('bulletList');
    const li = new Y.XmlElement('listItem');
    const lp = new Y.XmlElement('paragraph');
    lp.insert(0, [new Y.XmlText('viñeta')]);
    li.insert(0, [lp]);
    list.insert(0, [li]);
    doc.getXmlFragment(NARRATIVE_FIELD).insert(0, [p, list]);
    const d = readRoadmap(doc);
    expect(d.responsible.name).toBe('Laura Méndez');
    expect(d.activities[0]).toMatchObject({ description: 'Diagnóstico', startDate: '2027-01-15', endDate: '' });
    expect(d.endDate).toBe('2027-12-15');
    expect(d.odsTargets).toEqual(['16.10']);
    expect(d.narrative).toBe('Primer párrafo\nviñeta');
  });

  it('keeps items two people add at once, and a removal of one', () => {
    const a = seeded();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    addRoadmapItem(a, 'indicators', { name: 'A' });
    const fromB = addRoadmapItem(b, 'indicators', { name: 'B' });
    sync(a, b);
    expect(readRoadmap(a).indicators.map((i) => i.name).sort()).toEqual(['', 'A', 'B']);
    removeRoadmapItem(a, 'indicators', fromB);
    sync(a, b);
    expect(readRoadmap(b).indicators.map((i) => i.name).sort()).toEqual(['', 'A']);
  });
});
