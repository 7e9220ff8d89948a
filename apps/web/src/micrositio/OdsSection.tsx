import type { OdsRollup } from '@cocrea/domain';
import { useTranslation } from 'react-i18next';
import { ProgressBar } from './ProgressBar';

/** The Agenda 2030 the PAM serves: each ODS goal (colour, number and name in words), its progress, the targets and which commitments serve them. */
export function OdsSection({ ods, titles }: { ods: OdsRollup; titles: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const names = (ids: string[]) => ids.map((id) => titles.get(id) ?? id).join('; ');
  if (ods.goals.length === 0 && ods.unknownTargets.length === 0) return <p className="muted">{t('micrositio.ods.none')}</p>;
  return (
    <ul className="ods-rollup" data-testid="ods-rollup">
      {ods.goals.map((g) => (
        <li key={g.number} className="ods-rollup__goal" style={{ borderLeftColor: g.color }} data-testid="ods-goal" data-goal={g.number}>
          <div className="ods-rollup__head">
            <span className="ods-rollup__n" style={{ backgroundColor: g.color }}>
              {t('micrositio.ods.goal', { n: g.number })}
            </span>
            <strong>{g.shortName}</strong>
          </div>
          {g.progress !== null && <ProgressBar value={g.progress} label={t('micrositio.ods.progress', { n: g.number })} />}
          <ul className="ods-rollup__targets">
            {g.targets.map((x) => (
              <li key={x.code}>
                <strong>{t('ods.target', { code: x.code })}</strong> {x.text ?? t('micrositio.ods.unknownText')}
                <span className="muted small"> — {names(x.commitmentIds)}</span>
              </li>
            ))}
          </ul>
        </li>
      ))}
      {ods.unknownTargets.length > 0 && (
        <li className="ods-rollup__goal">
          <strong>{t('micrositio.ods.unknown')}</strong>
          <ul className="ods-rollup__targets">
            {ods.unknownTargets.map((x) => (
              <li key={x.code}>
                {x.code} <span className="muted small">— {names(x.commitmentIds)}</span>
              </li>
            ))}
          </ul>
        </li>
      )}
    </ul>
  );
}
