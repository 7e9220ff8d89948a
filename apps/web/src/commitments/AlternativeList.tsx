import type { SolutionAlternative } from '@cocrea/domain';
import { useTranslation } from 'react-i18next';
import type { CauseOption } from './useTreeCauses';

/** The mesa's solution alternatives, each with the causes it addresses (as the tree names them now). */
export function AlternativeList({ alternatives, causes }: { alternatives: SolutionAlternative[]; causes: CauseOption[] }) {
  const { t } = useTranslation();
  const textOf = new Map(causes.map((c) => [c.id, c.text.trim() || t('tree.untitled')]));
  if (alternatives.length === 0) return <p className="muted">{t('alternatives.empty')}</p>;
  return (
    <ul className="item-list">
      {alternatives.map((a) => (
        <li key={a.id} className="item-list__item" data-testid="alternative-item">
          <p className="item-list__text">{a.text}</p>
          {a.causeIds.length > 0 && (
            <ul className="chip-list" aria-label={t('alternatives.causes')}>
              {a.causeIds.map((id) => (
                <li key={id} className="chip chip--cause">
                  {textOf.get(id) ?? t('alternatives.causeGone')}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
