import type { ActionPlanStatus } from '@cocrea/domain';
import { useTranslation } from 'react-i18next';

/** A coloured chip naming a PAM's status. */
export function PamStatusBadge({ status }: { status: ActionPlanStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge--${status}`} data-status={status}>
      {t(`pamStatus.${status}`)}
    </span>
  );
}
