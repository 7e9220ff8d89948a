import type { ActionPlan } from '@cocrea/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { LoadErrorAlert } from '../ui/LoadErrorAlert';
import type { Loader } from '../ui/useLoad';
import { PamStatusBadge } from './PamStatusBadge';

interface Props {
  loader: Loader<ActionPlan[]>;
  /** Where each plan links to: its management page or its public page. */
  hrefOf: (p: ActionPlan) => string;
  testId: string;
  empty: string;
}

/** A list of plans: title, municipality, status and validity. */
export function PamList({ loader, hrefOf, testId, empty }: Props) {
  const { t } = useTranslation();
  const { state } = loader;
  if (state.phase === 'loading') return <p className="muted">{t('pam.loading')}</p>;
  if (state.phase === 'error') return <LoadErrorAlert error={state.error} onRetry={loader.reload} />;
  if (state.data.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="item-list">
      {state.data.map((p) => (
        <li key={p.id}>
          <Link href={hrefOf(p)} className="item-link" data-testid={testId} data-status={p.status}>
            <span className="item-link__title">{p.title}</span>
            <span className="item-link__meta">
              <span className="chip">{p.municipality}</span>
              <PamStatusBadge status={p.status} />
              {p.entries.length > 0 && <span className="muted">{t('pam.commitmentCount', { count: p.entries.length })}</span>}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
