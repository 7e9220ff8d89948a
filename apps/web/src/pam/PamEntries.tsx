import type { ActionPlan, CommitmentVersion } from '@cocrea/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';

interface Props {
  pam: ActionPlan;
  commitments: CommitmentVersion[];
  busy: boolean;
  /** Removes an entry; without it (the person may not edit plans) there is no "Quitar". */
  onRemove?: ((commitmentId: string) => void) | undefined;
}

/** The commitment versions in the plan, each with its mesa, responsible and (while a draft) "Quitar". */
export function PamEntries({ pam, commitments, busy, onRemove }: Props) {
  const { t } = useTranslation();
  if (commitments.length === 0) return <p className="muted">{t('pam.noEntries')}</p>;
  return (
    <ol className="item-list">
      {commitments.map((v) => {
        const c = v.content.commitment;
        return (
          <li key={c.id} className="item-list__item entry" data-testid="pam-entry" data-commitment-id={c.id}>
            <div className="entry__main">
              <Link href={`/mesas/${encodeURIComponent(c.mesaId)}/compromisos/${encodeURIComponent(c.id)}`} className="entry__title">
                {c.title}
              </Link>
              <span className="item-link__meta">
                <span className="chip">{v.content.mesa.title}</span>
                <span className="muted">{t('versions.label', { version: v.version })}</span>
                <span className="muted">{v.content.roadmap.responsible.name}</span>
              </span>
            </div>
            {pam.status === 'borrador' && onRemove && (
              <button type="button" className="button button--small button--quiet" data-testid="pam-remove" disabled={busy} onClick={() => onRemove(c.id)}>
                {t('roadmap.remove')}
              </button>
            )}
          </li>
        );
      })}
    </ol>
  );
}
