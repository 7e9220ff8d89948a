import type { ActivityStatus, OgpCompletionLevel } from '@cocrea/domain';
import { useTranslation } from 'react-i18next';
import { barWidth, formatPercent } from './chart';

interface Props {
  /** Exact progress, 0–100. */
  value: number;
  /** The OGP completion level (commitments, the PAM) … */
  level?: OgpCompletionLevel;
  /** … or the activity's status (activities): both are written out beside the figure. */
  status?: ActivityStatus;
  /** What the bar measures, for screen readers ("Avance del compromiso 2"). */
  label: string;
  testId?: string;
}

/**
 * A horizontal progress bar drawn with CSS, no chart library: the figure and its level or status
 * are printed beside it, so the bar itself is decoration (hidden from screen readers) and nothing
 * is said by colour alone. A cancelled activity's bar is hatched.
 */
export function ProgressBar({ value, level, status, label, testId }: Props) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-US' : 'es-MX';
  const figure = formatPercent(value, locale);
  const word = level ? t(`micrositio.level.${level}`) : status ? t(`micrositio.status.${status}`) : null;
  return (
    <div className={`progress${level ? ` progress--${level}` : ''}${status ? ` progress--${status}` : ''}`} data-testid={testId} data-value={figure}>
      <span className="visually-hidden">{label}: </span>
      <span className="progress__track" aria-hidden="true">
        <span className="progress__fill" style={{ width: barWidth(value) }} />
      </span>
      <span className="progress__text">
        <strong className="progress__figure">{figure}</strong>
        {word && <span className="progress__word">{word}</span>}
      </span>
    </div>
  );
}
