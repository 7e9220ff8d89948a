import type { CommitmentStatus } from '@cocrea/domain';
import { useTranslation } from 'react-i18next';

const KEYS = {
  preliminar: 'commitmentStatus.preliminar',
  revisado: 'commitmentStatus.revisado',
  definitivo: 'commitmentStatus.definitivo',
  finalizado: 'commitmentStatus.finalizado',
} as const satisfies Record<CommitmentStatus, string>;

/** A coloured chip naming a commitment's status. */
export function StatusBadge({ status }: { status: CommitmentStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge--${status}`} data-status={status}>
      {t(KEYS[status])}
    </span>
  );
}

/** The translation key of a commitment status. */
export function statusKey(status: CommitmentStatus): (typeof KEYS)[CommitmentStatus] {
  return KEYS[status];
}
