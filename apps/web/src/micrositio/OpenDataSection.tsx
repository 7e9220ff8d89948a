import { useTranslation } from 'react-i18next';
import type { OpenDataLink } from '../api/exerciseTypes';

/** Open data of the exercise: each table as JSON (the rows) and CSV (UTF-8 with BOM), with how many rows it has. */
export function OpenDataSection({ tables }: { tables: OpenDataLink[] }) {
  const { t } = useTranslation();
  if (tables.length === 0) return <p className="muted">{t('micrositio.openData.none')}</p>;
  return (
    <ul className="open-data" data-testid="open-data">
      {tables.map((d) => (
        <li key={d.name} className="open-data__row" data-testid="open-data-table" data-table={d.name}>
          <span className="open-data__title">
            {d.title}
            <span className="muted small"> · {t('micrositio.openData.rows', { count: d.rows })}</span>
          </span>
          <span className="downloads">
            <a className="download" href={d.json} download data-testid={`open-data-${d.name}-json`} aria-label={t('micrositio.openData.as', { title: d.title, format: 'JSON' })}>
              JSON
            </a>
            <a className="download" href={d.csv} download data-testid={`open-data-${d.name}-csv`} aria-label={t('micrositio.openData.as', { title: d.title, format: 'CSV' })}>
              CSV
            </a>
          </span>
        </li>
      ))}
    </ul>
  );
}
