import * as Y from 'yjs';
import { PROBLEM_NODE_ID, type AgreedTreeNode, type Roadmap } from '@cocrea/domain';
import {
  NARRATIVE_FIELD,
  addNode,
  addRoadmapItem,
  removeRoadmapItem,
  roadmapItem,
  roadmapList,
  roadmapText,
  seedRoadmapDoc,
  seedTreeDoc,
  setOdsTarget,
  setRoadmapDate,
  type RoadmapList,
} from '@cocrea/collab';

/**
 * The demo's shared documents, written with the same `@cocrea/collab` helpers the server and the
 * web app use: a mesa's problem tree with its causes and effects, and a commitment's roadmap with
 * all eight elements, so the canvas and the roadmap editor open filled in.
 */

/** A mesa's tree document: the problem (seeded as the server does), then each cause and effect. */
export function treeDocument(mesaId: string, nodes: readonly AgreedTreeNode[], author: { id: string; name: string }, createdAt: string): Y.Doc {
  const doc = new Y.Doc();
  const problem = nodes.find((n) => n.kind === 'problem');
  seedTreeDoc(doc, { mesaId, problemText: problem?.text ?? '', createdAt });
  const ids = new Map<string, string>(problem ? [[problem.id, PROBLEM_NODE_ID]] : []);
  for (const n of [...nodes].filter((x) => x.kind !== 'problem').sort((a, b) => a.depth - b.depth)) {
    const parentId = n.parentId ? ids.get(n.parentId) : undefined;
    if (!parentId) throw new Error(`Demo: el nodo ${n.id} no tiene padre en el árbol`);
    ids.set(n.id, addNode(doc, { parentId, kind: n.kind === 'problem' ? undefined : n.kind, text: n.text, author, id: n.id, now: new Date(createdAt) }));
  }
  return doc;
}

/** Writes a roadmap into a freshly seeded roadmap document; list items keep the roadmap's ids. */
export function roadmapDocument(mesaId: string, commitmentId: string, r: Roadmap): Y.Doc {
  const doc = new Y.Doc();
  seedRoadmapDoc(doc, { mesaId, commitmentId });
  doc.transact(() => {
    const text = (field: Parameters<typeof roadmapText>[1], value: string) => roadmapText(doc, field)?.insert(0, value);
    text('responsibleName', r.responsible.name);
    text('responsiblePosition', r.responsible.position);
    text('responsibleOffice', r.responsible.office);
    text('coOrganization', r.coResponsible.organization);
    text('coContact', r.coResponsible.contact);
    text('finalResult', r.finalResult);
    setRoadmapDate(doc, 'startDate', r.startDate);
    setRoadmapDate(doc, 'endDate', r.endDate);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(r.narrative)]);
    doc.getXmlFragment(NARRATIVE_FIELD).insert(0, [paragraph]);
    const replace = (list: RoadmapList, items: { id?: string; init: Record<string, string> }[]) => {
      for (const m of roadmapList(doc, list).toArray()) removeRoadmapItem(doc, list, m.get('id') as string);
      for (const item of items) {
        const id = addRoadmapItem(doc, list, item.init);
        if (item.id) roadmapItem(doc, list, id)?.set('id', item.id);
      }
    };
    replace(
      'activities',
      r.activities.map((a) => ({ id: a.id, init: { description: a.description, responsible: a.responsible, startDate: a.startDate, endDate: a.endDate } })),
    );
    replace(
      'indicators',
      r.indicators.map((i) => ({ id: i.id, init: { name: i.name, unit: i.unit, baseline: i.baseline, goal: i.goal } })),
    );
    replace('products', r.expectedProducts.map((text) => ({ init: { text } })));
    replace('verification', r.meansOfVerification.map((text) => ({ init: { text } })));
    for (const code of r.odsTargets) setOdsTarget(doc, code, true);
  });
  return doc;
}
