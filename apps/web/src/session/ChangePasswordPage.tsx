import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { changePassword } from '../api/auth';
import { useErrorMessage } from '../api/useErrorMessage';
import { Field } from '../ui/Field';
import { PageLayout } from '../ui/PageLayout';
import { RequireRole } from './RequireRole';

/** Shortest and longest password the server accepts (it also checks strength, and says why not). */
const PASSWORD_MIN = 10;
const PASSWORD_MAX = 200;

/** `/cuenta/contrasena`: an account changes its own password; its other sessions end. */
export function ChangePasswordPage() {
  return (
    <RequireRole allow={() => true}>
      {() => (
        <PageLayout mainClassName="doc doc--center">
          <ChangePasswordForm />
        </PageLayout>
      )}
    </RequireRole>
  );
}

function ChangePasswordForm() {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (next.length < PASSWORD_MIN || next.length > PASSWORD_MAX) return setOutcome({ ok: false, text: t('auth.passwordLength', { min: PASSWORD_MIN, max: PASSWORD_MAX }) });
    if (next !== confirm) return setOutcome({ ok: false, text: t('auth.passwordMismatch') });
    setBusy(true);
    setOutcome(null);
    changePassword(current, next).then(
      () => {
        setBusy(false);
        setCurrent('');
        setNext('');
        setConfirm('');
        setOutcome({ ok: true, text: t('auth.passwordChanged') });
      },
      (err: unknown) => {
        setBusy(false);
        setOutcome({ ok: false, text: message(err) });
      },
    );
  };

  return (
    <form className="card form auth-card" onSubmit={submit} noValidate aria-labelledby="change-password-title" data-testid="change-password-form">
      <div className="stack">
        <h1 id="change-password-title" className="auth-card__title">
          {t('auth.changePassword')}
        </h1>
        <p className="muted small">{t('auth.changePasswordIntro')}</p>
      </div>
      <Field label={t('auth.currentPassword')}>
        <input type="password" data-testid="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} autoComplete="current-password" maxLength={PASSWORD_MAX} autoFocus />
      </Field>
      <Field label={t('auth.newPassword')} hint={t('auth.newPasswordHint', { min: PASSWORD_MIN })}>
        <input type="password" data-testid="new-password" value={next} onChange={(e) => setNext(e.target.value)} autoComplete="new-password" minLength={PASSWORD_MIN} maxLength={PASSWORD_MAX} />
      </Field>
      <Field label={t('auth.confirmPassword')}>
        <input type="password" data-testid="confirm-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} autoComplete="new-password" maxLength={PASSWORD_MAX} />
      </Field>
      {outcome !== null && (
        <p className={outcome.ok ? 'notice' : 'alert'} role={outcome.ok ? 'status' : 'alert'} data-testid={outcome.ok ? 'change-password-done' : 'change-password-error'}>
          {outcome.text}
        </p>
      )}
      <button type="submit" className="button button--primary" data-testid="change-password-submit" disabled={busy}>
        {busy ? t('auth.passwordChanging') : t('auth.changePassword')}
      </button>
    </form>
  );
}
