import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { SECTORS, type Sector } from '../api/accountTypes';
import type { JoinDetails } from '../collab/mesaAuth';
import { Field } from '../ui/Field';

interface Props {
  initialName: string;
  /** The server's refusal of the last attempt, in its words. */
  error: string | null;
  busy: boolean;
  /** Where "Inicia sesión" comes back to. */
  next: string;
  onSubmit: (details: JoinDetails) => void;
}

/** Joining by link: a display name, and optionally an organisation and a sector. No account. */
export function JoinForm({ initialName, error, busy, next, onSubmit }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState(initialName);
  const [organization, setOrganization] = useState('');
  const [sector, setSector] = useState<Sector | ''>('');
  const [localError, setLocalError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!name.trim()) {
      setLocalError(t('join.required'));
      return;
    }
    setLocalError(null);
    const org = organization.trim();
    onSubmit({ name: name.trim(), ...(org ? { organization: org } : {}), ...(sector ? { sector } : {}) });
  };
  const shown = localError ?? error;

  return (
    <form className="card form name-prompt" onSubmit={submit} aria-labelledby="name-prompt-title" noValidate data-testid="join-form">
      <h2 id="name-prompt-title">{t('join.title')}</h2>
      <p className="muted">{t('join.explain')}</p>
      <Field label={t('join.label')}>
        <input
          data-testid="join-name-input"
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder={t('join.placeholder')}
          maxLength={60}
          autoComplete="name"
          autoFocus
          aria-invalid={shown !== null}
          aria-describedby={shown !== null ? 'name-prompt-error' : undefined}
        />
      </Field>
      <Field label={t('join.organization')} optional>
        <input
          data-testid="join-organization"
          value={organization}
          onChange={(e) => setOrganization(e.target.value)}
          placeholder={t('join.organizationPlaceholder')}
          maxLength={120}
          autoComplete="organization"
        />
      </Field>
      <Field label={t('join.sector')} optional>
        <select data-testid="join-sector" value={sector} onChange={(e) => setSector(SECTORS.find((s) => s === e.target.value) ?? '')}>
          <option value="">{t('join.sectorNone')}</option>
          {SECTORS.map((s) => (
            <option key={s} value={s}>
              {t(`sectors.${s}`)}
            </option>
          ))}
        </select>
      </Field>
      {shown !== null && (
        <p id="name-prompt-error" data-testid="join-error" className="alert" role="alert">
          {shown}
        </p>
      )}
      <button data-testid="join-submit" type="submit" className="button button--primary" disabled={busy}>
        {busy ? t('join.joining') : t('join.submit')}
      </button>
      <p className="muted small">
        {t('join.staffHint')}{' '}
        <Link href={`/entrar?next=${encodeURIComponent(next)}`} data-testid="join-sign-in">
          {t('join.signIn')}
        </Link>
      </p>
    </form>
  );
}
