import { goalOfTarget, ODS_GOALS } from '@cocrea/domain';
import { useTranslation } from 'react-i18next';

/** ODS targets as chips in their goal's colour, with the target's wording as a tooltip. */
export function OdsChips({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  if (codes.length === 0) return null;
  return (
    <ul className="chip-list" aria-label={t('ods.title')}>
      {codes.map((code) => {
        const goal = ODS_GOALS.find((g) => g.number === goalOfTarget(code));
        const target = goal?.targets.find((x) => x.code === code);
        return (
          <li key={code} className="ods-chip ods-chip--static" style={{ backgroundColor: goal?.color ?? '#64748b' }} title={target?.text}>
            {t('ods.target', { code })}
            {goal && <span className="ods-chip__goal"> · {goal.shortName}</span>}
          </li>
        );
      })}
    </ul>
  );
}
