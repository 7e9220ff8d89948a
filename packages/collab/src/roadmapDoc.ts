import * as Y from 'yjs';
import type { Activity, Indicator, RoadmapDraft } from '@cocrea/domain';
import { newNodeId } from './problemTreeDoc';

/**
 * How a *hoja de ruta* lives in a Y.Doc (document `mesa:<mesaId>:roadmap:<commitmentId>`):
 *
 * - `narrative`: Y.XmlFragment — the Tiptap document (field name `narrative`).
 * - `fields`: Y.Map — `responsibleName`, `responsiblePosition`, `responsibleOffice`,
 *   `coOrganization`, `coContact`, `finalResult` (each a Y.Text, seeded by the server so no two
 *   clients ever create the same text), `startDate`, `endDate` (`YYYY-MM-DD` strings or '').
 * - `activities`: Y.Array<Y.Map> — `id`, `description` (Y.Text), `responsible` (Y.Text),
 *   `startDate`, `endDate`.
 * - `indicators`: Y.Array<Y.Map> — `id`, `name`, `unit`, `baseline`, `goal` (Y.Text each).
 * - `products`, `verification`: Y.Array<Y.Map> — `id`, `text` (Y.Text): expected products and
 *   means of verification.
 * - `ods`: Y.Map<targetCode, true> — the ODS targets the commitment serves (a set).
 * - `meta`: Y.Map — `schemaVersion`, `mesaId`, `commitmentId`.
 */
export const ROADMAP_SCHEMA_VERSION = 1;

/** Text fields of the roadmap's `fields` map. */
export const ROADMAP_TEXT_FIELDS = [
  'responsibleName',
  'responsiblePosition',
  'responsibleOffice',
  'coOrganization',
  'coContact',
  'finalResult',
] as const;

/** One of {@link ROADMAP_TEXT_FIELDS}. */
export type RoadmapTextField = (typeof ROADMAP_TEXT_FIELDS)[number];

/** The lists of a roadmap and the text fields of their items. */
export const ROADMAP_LISTS = {
  activities: ['description', 'responsible'],
  indicators: ['name', 'unit', 'baseline', 'goal'],
  products: ['text'],
  verification: ['text'],
} as const;

/** One of the roadmap's lists. */
export type RoadmapList = keyof typeof ROADMAP_LISTS;

/** The Tiptap field holding the narrative. */
export const NARRATIVE_FIELD = 'narrative';

type ItemMap = Y.Map<unknown>;

/** The `fields` map. */
export function roadmapFields(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('fields');
}

/** One of the roadmap's lists. */
export function roadmapList(doc: Y.Doc, list: RoadmapList): Y.Array<ItemMap> {
  return doc.getArray<ItemMap>(list);
}

/** The set of ODS targets. */
export function roadmapOds(doc: Y.Doc): Y.Map<boolean> {
  return doc.getMap<boolean>('ods');
}

/** A text field of the `fields` map (seeded by the server). */
export function roadmapText(doc: Y.Doc, field: RoadmapTextField): Y.Text | undefined {
  const t = roadmapFields(doc).get(field);
  return t instanceof Y.Text ? t : undefined;
}

function newItem(list: RoadmapList, init: Record<string, string> = {}): ItemMap {
  const m = new Y.Map<unknown>();
  m.set('id', newNodeId());
  for (const f of ROADMAP_LISTS[list]) m.set(f, new Y.Text(init[f] ?? ''));
  if (list === 'activities') {
    m.set('startDate', init.startDate ?? '');
    m.set('endDate', init.endDate ?? '');
  }
  return m;
}

/** Fills a new roadmap: every text field, and one empty item per list. Server only, once. */
export function seedRoadmapDoc(doc: Y.Doc, seed: { mesaId: string; commitmentId: string }): void {
  doc.transact(() => {
    const meta = doc.getMap('meta');
    meta.set('schemaVersion', ROADMAP_SCHEMA_VERSION);
    meta.set('mesaId', seed.mesaId);
    meta.set('commitmentId', seed.commitmentId);
    const fields = roadmapFields(doc);
    for (const f of ROADMAP_TEXT_FIELDS) fields.set(f, new Y.Text());
    fields.set('startDate', '');
    fields.set('endDate', '');
    for (const list of Object.keys(ROADMAP_LISTS) as RoadmapList[]) roadmapList(doc, list).push([newItem(list)]);
  }, 'seed');
}

/** Appends an item to a list; returns its id. */
export function addRoadmapItem(doc: Y.Doc, list: RoadmapList, init?: Record<string, string>, origin?: unknown): string {
  const item = newItem(list, init);
  doc.transact(() => roadmapList(doc, list).push([item]), origin);
  return item.get('id') as string;
}

/** Removes an item by id (a no-op when someone else removed it first). */
export function removeRoadmapItem(doc: Y.Doc, list: RoadmapList, id: string, origin?: unknown): void {
  const arr = roadmapList(doc, list);
  doc.transact(() => {
    const i = arr.toArray().findIndex((m) => m.get('id') === id);
    if (i >= 0) arr.delete(i, 1);
  }, origin);
}

/** The item of a list with that id. */
export function roadmapItem(doc: Y.Doc, list: RoadmapList, id: string): ItemMap | undefined {
  return roadmapList(doc, list)
    .toArray()
    .find((m) => m.get('id') === id);
}

/** Sets a date (`YYYY-MM-DD` or '') on the roadmap (`itemId` undefined) or on an activity. */
export function setRoadmapDate(doc: Y.Doc, key: 'startDate' | 'endDate', value: string, itemId?: string, origin?: unknown): void {
  const target = itemId === undefined ? roadmapFields(doc) : roadmapItem(doc, 'activities', itemId);
  if (!target) return;
  doc.transact(() => target.set(key, value), origin);
}

/** Adds or removes an ODS target. */
export function setOdsTarget(doc: Y.Doc, code: string, selected: boolean, origin?: unknown): void {
  doc.transact(() => {
    if (selected) roadmapOds(doc).set(code, true);
    else roadmapOds(doc).delete(code);
  }, origin);
}

const str = (v: unknown): string => (v instanceof Y.Text ? v.toJSON() : typeof v === 'string' ? v : '');

function blockText(node: Y.XmlElement | Y.XmlText): string {
  if (node instanceof Y.XmlText) {
    const delta = node.toDelta() as { insert?: unknown }[];
    return delta.map((d) => (typeof d.insert === 'string' ? d.insert : '')).join('');
  }
  const kids = node.toArray().filter((k): k is Y.XmlElement | Y.XmlText => k instanceof Y.XmlElement || k instanceof Y.XmlText);
  // Blocks that hold blocks (lists, quotes) put each child on its own line.
  const nested = kids.some((k) => k instanceof Y.XmlElement);
  return kids.map(blockText).join(nested ? '\n' : '');
}

/** Plain text of the Tiptap narrative: one line per block. */
export function narrativeText(doc: Y.Doc): string {
  const blocks = doc
    .getXmlFragment(NARRATIVE_FIELD)
    .toArray()
    .filter((k): k is Y.XmlElement | Y.XmlText => k instanceof Y.XmlElement || k instanceof Y.XmlText);
  return blocks.map(blockText).join('\n').trim();
}

/** Reads the roadmap as the domain's draft (fields may be empty; see `roadmapProblems`). */
export function readRoadmap(doc: Y.Doc): RoadmapDraft {
  const f = roadmapFields(doc);
  const items = (list: RoadmapList) => roadmapList(doc, list).toArray().filter((m) => m instanceof Y.Map);
  const activities: Activity[] = items('activities').map((m) => ({
    id: str(m.get('id')),
    description: str(m.get('description')),
    responsible: str(m.get('responsible')),
    startDate: str(m.get('startDate')),
    endDate: str(m.get('endDate')),
  }));
  const indicators: Indicator[] = items('indicators').map((m) => ({
    id: str(m.get('id')),
    name: str(m.get('name')),
    unit: str(m.get('unit')),
    baseline: str(m.get('baseline')),
    goal: str(m.get('goal')),
  }));
  return {
    narrative: narrativeText(doc),
    responsible: { name: str(f.get('responsibleName')), position: str(f.get('responsiblePosition')), office: str(f.get('responsibleOffice')) },
    coResponsible: { organization: str(f.get('coOrganization')), contact: str(f.get('coContact')) },
    activities,
    finalResult: str(f.get('finalResult')),
    expectedProducts: items('products').map((m) => str(m.get('text'))),
    indicators,
    meansOfVerification: items('verification').map((m) => str(m.get('text'))),
    startDate: str(f.get('startDate')),
    endDate: str(f.get('endDate')),
    odsTargets: [...roadmapOds(doc).keys()],
  };
}
