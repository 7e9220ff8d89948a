import { useTranslation } from 'react-i18next';

interface Props {
  gaps: readonly string[];
  testId: string;
  /** Said when nothing is missing; "Nada pendiente." unless told. */
  done?: string;
}

/**
 * What is still missing, as the domain words it (Spanish sentences), one per line; a plain
 * "nothing pending" line when the list is empty. The mark before each line is decoration: the
 * sentence says it.
 */
export function GapList({ gaps, testId, done }: Props) {
  const { t } = useTranslation();
  if (gaps.length === 0) {
    return (
      <p className="gaps-done" data-testid={testId} data-count="0">
        <span aria-hidden="true">✓ </span>
        {done ?? t('exercise.nothingPending')}
      </p>
    );
  }
  return (
    <ul className="gaps" data-testid={testId} data-count={gaps.length}>
      {gaps.map((g) => (
        <li key={g} className="gaps__item">
          {g}
        </li>
      ))}
    </ul>
  );
}
