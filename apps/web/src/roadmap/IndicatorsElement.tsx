import { addRoadmapItem, removeRoadmapItem } from '@cocrea/collab';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { BoundField } from './BoundField';
import { Element } from './Element';
import { AddButton, RemoveButton } from './ListControls';
import { useRoadmap } from './RoadmapContext';
import { itemId, itemText, useRoadmapItems } from './useYValues';

function IndicatorItem({ item, index }: { item: Y.Map<unknown>; index: number }) {
  const { t } = useTranslation();
  const { doc } = useRoadmap();
  const id = itemId(item);
  const n = index + 1;
  return (
    <li className="list-item" data-testid="indicator-item" data-item-id={id}>
      <div className="list-item__head">
        <span className="list-item__number">{t('roadmap.indicators.item', { n })}</span>
        <RemoveButton testId="indicator-remove" label={t('roadmap.indicators.remove', { n })} onClick={() => removeRoadmapItem(doc, 'indicators', id)} />
      </div>
      <div className="fields-2">
        <BoundField text={itemText(item, 'name')} testId="indicator-name" label={t('roadmap.indicators.name')} maxLength={300} />
        <BoundField text={itemText(item, 'unit')} testId="indicator-unit" label={t('roadmap.indicators.unit')} maxLength={300} />
        <BoundField text={itemText(item, 'baseline')} testId="indicator-baseline" label={t('roadmap.indicators.baseline')} maxLength={300} />
        <BoundField text={itemText(item, 'goal')} testId="indicator-goal" label={t('roadmap.indicators.goal')} maxLength={300} />
      </div>
    </li>
  );
}

/** 6) Indicadores: name, unit or formula, baseline and goal of each. */
export function IndicatorsElement() {
  const { t } = useTranslation();
  const { doc } = useRoadmap();
  const items = useRoadmapItems(doc, 'indicators');
  return (
    <Element mark="6" id="el-indicators" title={t('roadmap.indicators.title')} hint={t('roadmap.indicators.hint')}>
      <ol className="list-items">
        {items.map((item, i) => (
          <IndicatorItem key={itemId(item)} item={item} index={i} />
        ))}
      </ol>
      <AddButton testId="add-indicator" label={t('roadmap.indicators.add')} onClick={() => addRoadmapItem(doc, 'indicators')} />
    </Element>
  );
}
