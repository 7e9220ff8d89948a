import { addRoadmapItem, removeRoadmapItem } from '@cocrea/collab';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { BoundField } from './BoundField';
import { DateField } from './DateField';
import { Element } from './Element';
import { AddButton, RemoveButton } from './ListControls';
import { useRoadmap } from './RoadmapContext';
import { itemId, itemText, useRoadmapItems } from './useYValues';

function ActivityItem({ item, index }: { item: Y.Map<unknown>; index: number }) {
  const { t } = useTranslation();
  const { doc } = useRoadmap();
  const id = itemId(item);
  const n = index + 1;
  return (
    <li className="list-item" data-testid="activity-item" data-item-id={id}>
      <div className="list-item__head">
        <span className="list-item__number">{t('roadmap.activities.item', { n })}</span>
        <RemoveButton testId="activity-remove" label={t('roadmap.activities.remove', { n })} onClick={() => removeRoadmapItem(doc, 'activities', id)} />
      </div>
      <BoundField text={itemText(item, 'description')} testId="activity-description" label={t('roadmap.activities.description')} multiline />
      <div className="fields-3">
        <BoundField text={itemText(item, 'responsible')} testId="activity-responsible" label={t('roadmap.activities.responsible')} maxLength={200} />
        <DateField map={item} which="startDate" itemId={id} testId="activity-start" label={t('roadmap.activities.start')} />
        <DateField map={item} which="endDate" itemId={id} testId="activity-end" label={t('roadmap.activities.end')} />
      </div>
    </li>
  );
}

/** 3) Actividades: description, responsible, start and end of each. */
export function ActivitiesElement() {
  const { t } = useTranslation();
  const { doc } = useRoadmap();
  const items = useRoadmapItems(doc, 'activities');
  return (
    <Element mark="3" id="el-activities" title={t('roadmap.activities.title')} hint={t('roadmap.activities.hint')}>
      <ol className="list-items">
        {items.map((item, i) => (
          <ActivityItem key={itemId(item)} item={item} index={i} />
        ))}
      </ol>
      <AddButton testId="add-activity" label={t('roadmap.activities.add')} onClick={() => addRoadmapItem(doc, 'activities')} />
    </Element>
  );
}
