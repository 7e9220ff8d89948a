import type { Commitment } from '@cocrea/domain';
import { useTranslation } from 'react-i18next';
import type { VersionSummary } from '../api/commitments';
import { statusKey } from '../commitments/StatusBadge';
import { StatusStepper, type Step } from '../ui/StatusStepper';

/** The commitment's title, description and status stepper (who took each step, and when). */
export function CommitmentHeader({ commitment: c, versions }: { commitment: Commitment; versions: VersionSummary[] }) {
  const { t } = useTranslation();
  const last = versions.at(-1);
  const steps: Step[] = [
    { key: 'preliminar', label: t(statusKey('preliminar')), stamp: c.created },
    { key: 'revisado', label: t(statusKey('revisado')), stamp: c.review?.stamp ?? null },
    { key: 'definitivo', label: t(statusKey('definitivo')), stamp: c.madeDefinitive },
    { key: 'finalizado', label: t(statusKey('finalizado')), stamp: c.status === 'finalizado' ? (last?.finalized ?? null) : null },
  ];
  return (
    <header className="commitment-header card">
      <p className="eyebrow">{t('commitment.eyebrow')}</p>
      <h1 className="commitment-header__title" data-testid="commitment-title">
        {c.title}
      </h1>
      {c.description && <p className="commitment-header__description">{c.description}</p>}
      <StatusStepper steps={steps} current={c.status} testId="commitment-status" label={t('commitment.statusLabel')} />
      {c.status !== 'finalizado' && c.version > 0 && <p className="muted">{t('commitment.reopened', { version: c.version })}</p>}
    </header>
  );
}
