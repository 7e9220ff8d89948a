import { addRoadmapItem, removeRoadmapItem } from '@cocrea/collab';
import { useTranslation } from 'react-i18next';
import { BoundField } from './BoundField';
import { Element } from './Element';
import { AddButton, RemoveButton } from './ListControls';
import { useRoadmap } from './RoadmapContext';
import { itemId, itemText, useRoadmapItems } from './useYValues';

const CONFIG = {
  products: { mark: '5', key: 'products', item: 'product' },
  verification: { mark: '7', key: 'verification', item: 'verification' },
} as const;

/** 5) Productos esperados or 7) Medios de verificación: a list of one-line texts. */
export function TextListElement({ list }: { list: 'products' | 'verification' }) {
  const { t } = useTranslation();
  const { doc } = useRoadmap();
  const items = useRoadmapItems(doc, list);
  const c = CONFIG[list];
  return (
    <Element mark={c.mark} id={`el-${list}`} title={t(`roadmap.${c.key}.title`)} hint={t(`roadmap.${c.key}.hint`)}>
      <ol className="text-items">
        {items.map((item, i) => {
          const id = itemId(item);
          return (
            <li key={id} className="text-item" data-testid={`${c.item}-item`} data-item-id={id}>
              <BoundField text={itemText(item, 'text')} testId={`${c.item}-text`} label={t(`roadmap.${c.key}.item`, { n: i + 1 })} hideLabel />
              <RemoveButton testId={`${c.item}-remove`} label={t(`roadmap.${c.key}.remove`, { n: i + 1 })} onClick={() => removeRoadmapItem(doc, list, id)} />
            </li>
          );
        })}
      </ol>
      <AddButton testId={`add-${c.item}`} label={t(`roadmap.${c.key}.add`)} onClick={() => addRoadmapItem(doc, list)} />
    </Element>
  );
}
