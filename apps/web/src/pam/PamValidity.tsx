import type { ActionPlan } from '@cocrea/domain';
import { useTranslation } from 'react-i18next';
import { useFormats } from '../ui/useFormats';

/** "Vigente del … al …" (one year from the public launch), or a note that the date is missing. */
export function PamValidity({ pam }: { pam: Pick<ActionPlan, 'launchDate' | 'validUntil'> }) {
  const { t } = useTranslation();
  const f = useFormats();
  if (!pam.launchDate || !pam.validUntil) return <p className="muted" data-testid="pam-validity">{t('pam.noLaunch')}</p>;
  return (
    <p className="validity" data-testid="pam-validity">
      {t('pam.validity', { from: f.day(pam.launchDate), to: f.day(pam.validUntil) })}
    </p>
  );
}
