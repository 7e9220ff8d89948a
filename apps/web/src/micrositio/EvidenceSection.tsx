import { useTranslation } from 'react-i18next';
import type { Tablero } from '../api/exerciseTypes';
import { DocumentLink } from '../exercise/DocumentLink';
import { useFormats } from '../ui/useFormats';

/**
 * Every piece of evidence of the PAM's activities, newest first, each with the activity it shows,
 * the means of verification it meets, who recorded it, and the document to download or open.
 */
export function EvidenceSection({ tablero }: { tablero: Tablero }) {
  const { t } = useTranslation();
  const f = useFormats();
  const rows = tablero.commitments
    .flatMap((c, i) => c.activities.flatMap((a) => a.evidence.map((e) => ({ e, where: `${i + 1}.${a.number} ${a.description}`, commitment: c.title }))))
    .sort((a, b) => b.e.date.localeCompare(a.e.date) || b.e.added.at.localeCompare(a.e.added.at));
  if (rows.length === 0) return <p className="muted">{t('micrositio.evidence.none')}</p>;
  return (
    <ul className="evidence-table" data-testid="public-evidence-list">
      {rows.map(({ e, where, commitment }) => (
        <li key={e.id} className="evidence-table__row" data-testid="public-evidence" data-kind={e.document.kind}>
          <span className="evidence-table__date">{f.day(e.date)}</span>
          <span className="evidence-table__what">
            <strong>{e.description}</strong>
            <span className="muted small">
              {commitment} · {where}
            </span>
            <span className="muted small">
              {t('micrositio.evidence.means', { means: e.meansOfVerification })} · {t('micrositio.evidence.recorded', { name: e.added.by.name })}
            </span>
          </span>
          <DocumentLink doc={e.document} href={e.document.url} testId="public-evidence-doc" />
        </li>
      ))}
    </ul>
  );
}
