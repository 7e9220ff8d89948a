import type { ActionPlan } from '@cocrea/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../ui/ActionError';
import { Field } from '../ui/Field';

interface Props {
  pam: ActionPlan;
  busy: boolean;
  error: string | null;
  onSave: (launchDate: string) => void;
}

/** Sets or changes the public launch date (needed to publish) while the plan is not yet published. */
export function PamLaunchDate({ pam, busy, error, onSave }: Props) {
  const { t } = useTranslation();
  const [value, setValue] = useState(pam.launchDate ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave(value);
  };
  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <Field label={t('pam.launch')}>
        <input type="date" data-testid="pam-launch-date" value={value} onChange={(e) => setValue(e.target.value)} />
      </Field>
      <button type="submit" className="button" data-testid="pam-launch-save" disabled={busy || !value || value === pam.launchDate}>
        {t('pam.saveLaunch')}
      </button>
      <ActionError message={error} />
    </form>
  );
}
