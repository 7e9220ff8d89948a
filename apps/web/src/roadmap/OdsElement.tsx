import { setOdsTarget } from '@cocrea/collab';
import { goalOfTarget, ODS_GOALS } from '@cocrea/domain';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckOption } from '../ui/CheckOption';
import { Field } from '../ui/Field';
import { Element } from './Element';
import { findTargets } from './odsSearch';
import { useRoadmap } from './RoadmapContext';
import { useOdsSelection } from './useOdsSelection';

const goalColor = (n: number) => ODS_GOALS.find((g) => g.number === n)?.color ?? '#64748b';

/** ODS alignment: pick a goal (colour chips), then its targets (searchable); chosen targets show as chips. */
export function OdsElement() {
  const { t } = useTranslation();
  const { doc, disabled } = useRoadmap();
  const selected = useOdsSelection(doc);
  const [activeGoal, setActiveGoal] = useState<number | null>(null);
  const [query, setQuery] = useState('');
  const found = useMemo(() => findTargets(ODS_GOALS, query, activeGoal), [query, activeGoal]);
  const chosen = new Set(selected);
  const goalsWithTargets = new Set(selected.map(goalOfTarget));
  const active = ODS_GOALS.find((g) => g.number === activeGoal);

  return (
    <Element mark="ODS" id="el-ods" title={t('ods.title')} hint={t('ods.hint')}>
      <div className="ods-selected" aria-live="polite">
        {selected.length === 0 ? (
          <p className="muted">{t('ods.none')}</p>
        ) : (
          <ul className="chip-list" aria-label={t('ods.selected')}>
            {selected.map((code) => (
              <li key={code} className="ods-chip" style={{ backgroundColor: goalColor(goalOfTarget(code)) }} data-testid="ods-selected" data-code={code}>
                {t('ods.target', { code })}
                <button type="button" className="ods-chip__remove" aria-label={t('ods.removeTarget', { code })} disabled={disabled} onClick={() => setOdsTarget(doc, code, false)}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="ods-goals" role="group" aria-label={t('ods.goals')}>
        {ODS_GOALS.map((g) => (
          <button
            key={g.number}
            type="button"
            className={`ods-goal${activeGoal === g.number ? ' is-active' : ''}`}
            style={{ backgroundColor: g.color }}
            data-testid={`ods-goal-${g.number}`}
            aria-pressed={activeGoal === g.number}
            title={g.title}
            onClick={() => {
              setActiveGoal(g.number);
              setQuery('');
            }}
          >
            <span className="ods-goal__number">{g.number}</span>
            <span className="ods-goal__name">{g.shortName}</span>
            {goalsWithTargets.has(g.number) && <span className="ods-goal__mark" aria-label={t('ods.hasTargets')}>●</span>}
          </button>
        ))}
      </div>
      {active && (
        <p className="ods-active" style={{ borderInlineStartColor: active.color }} data-testid="ods-active-goal">
          <strong>
            {t('ods.goal', { n: active.number })} · {active.shortName}
          </strong>
          <span className="muted"> — {active.title}</span>
        </p>
      )}
      <Field label={t('ods.search')}>
        <input type="search" data-testid="ods-search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('ods.searchPlaceholder')} />
      </Field>
      {found.length > 0 ? (
        <ul className="ods-targets" aria-label={t('ods.targets')}>
          {found.map(({ goal, target }) => (
            <li key={target.code}>
              <CheckOption
                className="ods-target"
                style={{ borderInlineStartColor: goal.color }}
                testId={`ods-target-${target.code}`}
                checked={chosen.has(target.code)}
                disabled={disabled}
                onChange={(on) => setOdsTarget(doc, target.code, on)}
              >
                <strong>{target.code}</strong> {target.text}
              </CheckOption>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{query.trim() ? t('ods.noMatch') : t('ods.pickGoal')}</p>
      )}
    </Element>
  );
}
