import type * as Y from 'yjs';
import { REVIEW_CRITERIA } from '@cocrea/domain';
import { sampleRoadmap } from '@cocrea/domain/fixtures';
import { addRoadmapItem, applyTextChange, roadmapItem, roadmapList, roadmapText, setOdsTarget, setRoadmapDate, type RoadmapList } from '@cocrea/collab';

/** A feasibility review that lets a commitment become *definitivo*. */
export const feasibleReview = {
  criteria: Object.fromEntries(REVIEW_CRITERIA.map((c) => [c, { verdict: 'cumple', reasons: `Razones para ${c}` }])),
  decision: 'factible',
};

/** Writes a complete roadmap (the fixture's, plus a second activity) through a live client, as people would. */
export function fillRoadmap(doc: Y.Doc): void {
  const r = sampleRoadmap();
  const text = (t: Y.Text | undefined, v: string) => applyTextChange(t as Y.Text, v);
  text(roadmapText(doc, 'responsibleName'), r.responsible.name);
  text(roadmapText(doc, 'responsiblePosition'), r.responsible.position);
  text(roadmapText(doc, 'responsibleOffice'), r.responsible.office);
  text(roadmapText(doc, 'coOrganization'), r.coResponsible.organization);
  text(roadmapText(doc, 'finalResult'), r.finalResult);
  setRoadmapDate(doc, 'startDate', r.startDate);
  setRoadmapDate(doc, 'endDate', r.endDate);
  const first = (list: RoadmapList) => roadmapList(doc, list).get(0).get('id') as string;
  const a = roadmapItem(doc, 'activities', first('activities'));
  text(a?.get('description') as Y.Text, r.activities[0]?.description ?? '');
  text(a?.get('responsible') as Y.Text, r.activities[0]?.responsible ?? '');
  setRoadmapDate(doc, 'startDate', r.activities[0]?.startDate ?? '', first('activities'));
  setRoadmapDate(doc, 'endDate', r.activities[0]?.endDate ?? '', first('activities'));
  addRoadmapItem(doc, 'activities', { description: 'Segunda actividad', responsible: 'Unidad de Transparencia', startDate: '2027-06-01', endDate: '2027-12-31' });
  const i = roadmapItem(doc, 'indicators', first('indicators'));
  for (const f of ['name', 'unit', 'baseline', 'goal'] as const) text(i?.get(f) as Y.Text, r.indicators[0]?.[f] ?? '');
  text(roadmapItem(doc, 'products', first('products'))?.get('text') as Y.Text, r.expectedProducts[0] ?? '');
  text(roadmapItem(doc, 'verification', first('verification'))?.get('text') as Y.Text, r.meansOfVerification[0] ?? '');
  for (const code of r.odsTargets) setOdsTarget(doc, code, true);
}
