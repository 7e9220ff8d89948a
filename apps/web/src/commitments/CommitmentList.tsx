import type { Commitment } from '@cocrea/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { StatusBadge } from './StatusBadge';

/** The mesa's commitments, each a link to its page with its status. */
export function CommitmentList({ mesaId, commitments }: { mesaId: string; commitments: Commitment[] }) {
  const { t } = useTranslation();
  if (commitments.length === 0) return <p className="muted">{t('commitments.empty')}</p>;
  return (
    <ul className="item-list">
      {commitments.map((c) => (
        <li key={c.id}>
          <Link
            href={`/mesas/${encodeURIComponent(mesaId)}/compromisos/${encodeURIComponent(c.id)}`}
            className="item-link"
            data-testid="commitment-item"
            data-status={c.status}
          >
            <span className="item-link__title">{c.title}</span>
            <span className="item-link__meta">
              <StatusBadge status={c.status} />
              {c.version > 0 && <span className="muted">{t('versions.label', { version: c.version })}</span>}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
