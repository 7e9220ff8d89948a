import type { ActivityStatus, OgpCompletionLevel } from '@cocrea/domain';
import { useTranslation } from 'react-i18next';
import { statusCounts } from './chart';
import { ProgressBar } from './ProgressBar';

interface Props {
  progress: number;
  level: OgpCompletionLevel;
  /** The status of every activity of the PAM. */
  statuses: readonly ActivityStatus[];
}

/**
 * The PAM at a glance: its progress and OGP level, and how many activities stand in each status —
 * a stacked bar whose segments carry a pattern per status, and beside it the same counts as a
 * list, which is what screen readers read.
 */
export function PlanProgressSummary({ progress, level, statuses }: Props) {
  const { t } = useTranslation();
  const counts = statusCounts(statuses);
  const total = statuses.length;
  return (
    <div className="stack plan-summary" data-testid="plan-summary">
      <ProgressBar value={progress} level={level} label={t('micrositio.tablero.planTitle')} testId="plan-progress" />
      {total > 0 && (
        <div className="status-split">
          <div className="status-split__bar" aria-hidden="true">
            {counts.map((c) => (
              <span key={c.status} className={`status-split__seg status-split__seg--${c.status}`} style={{ flexGrow: c.count }} />
            ))}
          </div>
          <ul className="status-split__legend" aria-label={t('micrositio.tablero.byStatus', { count: total })} data-testid="status-counts">
            {counts.map((c) => (
              <li key={c.status} data-status={c.status} data-count={c.count}>
                <span className={`status-split__key status-split__seg--${c.status}`} aria-hidden="true" />
                {t(`micrositio.status.${c.status}`)}: <strong>{c.count}</strong>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
