import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { createPam } from '../api/pams';
import { ActionError } from '../ui/ActionError';
import { Field } from '../ui/Field';
import { useAction } from '../ui/useAction';

/** "Nuevo PAM": title, municipality and (optionally) the public launch date; opens the new plan. */
export function PamCreateForm() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const actions = useAction();
  const [title, setTitle] = useState('');
  const [municipality, setMunicipality] = useState('');
  const [launchDate, setLaunchDate] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = { title, municipality, ...(launchDate ? { launchDate } : {}) };
    void actions.run('create', () => createPam(input)).then((pam) => {
      if (pam) navigate(`/pam/${encodeURIComponent(pam.id)}`);
    });
  };

  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby="pam-create-title">
      <h2 id="pam-create-title">{t('pam.create')}</h2>
      <Field label={t('pam.fieldTitle')}>
        <input data-testid="pam-title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} placeholder={t('pam.titlePlaceholder')} autoComplete="off" />
      </Field>
      <Field label={t('pam.municipality')}>
        <input data-testid="pam-municipality" value={municipality} onChange={(e) => setMunicipality(e.target.value)} maxLength={120} placeholder={t('pam.municipalityPlaceholder')} autoComplete="address-level2" />
      </Field>
      <Field label={t('pam.launch')} optional hint={t('pam.launchHint')}>
        <input type="date" data-testid="pam-launch" value={launchDate} onChange={(e) => setLaunchDate(e.target.value)} />
      </Field>
      <ActionError message={actions.errorOf('create')} />
      <button type="submit" className="button button--primary" data-testid="pam-create" disabled={actions.busy === 'create'}>
        {t('pam.createSubmit')}
      </button>
    </form>
  );
}
