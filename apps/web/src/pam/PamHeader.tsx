import type { ActionPlan } from '@cocrea/domain';
import { useTranslation } from 'react-i18next';
import { StatusStepper } from '../ui/StatusStepper';
import { PamValidity } from './PamValidity';

/** The plan's title, municipality, status stepper (who/when) and validity. */
export function PamHeader({ pam }: { pam: ActionPlan }) {
  const { t } = useTranslation();
  const steps = [
    { key: 'borrador', label: t('pamStatus.borrador'), stamp: pam.created },
    { key: 'aprobado', label: t('pamStatus.aprobado'), stamp: pam.approved },
    { key: 'publicado', label: t('pamStatus.publicado'), stamp: pam.published },
  ];
  return (
    <header className="card stack">
      <p className="eyebrow">{t('pam.eyebrow')}</p>
      <h1 className="commitment-header__title" data-testid="pam-heading">
        {pam.title}
      </h1>
      <p>
        <span className="chip">{pam.municipality}</span>
      </p>
      <StatusStepper steps={steps} current={pam.status} testId="pam-status" label={t('pam.statusLabel')} />
      <PamValidity pam={pam} />
    </header>
  );
}
