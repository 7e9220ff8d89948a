import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import { ApiError } from '../api/client';
import { useErrorMessage } from '../api/useErrorMessage';
import { Field } from '../ui/Field';
import { LoadingStatus } from '../ui/LoadingStatus';
import { PageLayout } from '../ui/PageLayout';
import { safeNext } from './safeNext';
import { useSession } from './SessionContext';

/** `/entrar`: email and password for facilitators, the STM and experts; then back where they were. */
export function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const message = useErrorMessage();
  const [, navigate] = useLocation();
  const next = safeNext(useSearch());
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!email.trim() || !password) {
      setError(t('auth.missing'));
      return;
    }
    setBusy(true);
    setError(null);
    session.signIn(email.trim(), password).then(
      () => navigate(next, { replace: true }),
      (err: unknown) => {
        setBusy(false);
        setError(err instanceof ApiError && err.status === 429 ? (err.message || t('auth.rateLimited')) : message(err));
      },
    );
  };

  let body;
  if (session.phase === 'loading') body = <LoadingStatus label={t('auth.checking')} />;
  else if (session.account) {
    body = (
      <section className="card stack auth-card" data-testid="signed-in-already">
        <h1 className="auth-card__title">{t('auth.already', { name: session.account.name })}</h1>
        <div className="row">
          <Link href={next} className="button button--primary">
            {t('auth.continue')}
          </Link>
        </div>
      </section>
    );
  } else {
    body = (
      <form className="card form auth-card" onSubmit={submit} noValidate aria-labelledby="sign-in-title" data-testid="sign-in-form">
        <div>
          <h1 id="sign-in-title" className="auth-card__title">
            {t('auth.title')}
          </h1>
          <p className="muted">{t('auth.intro')}</p>
        </div>
        <Field label={t('auth.email')}>
          <input type="email" data-testid="sign-in-email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="username" autoFocus required />
        </Field>
        <Field label={t('auth.password')}>
          <input
            type="password"
            data-testid="sign-in-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
            required
          />
        </Field>
        {error !== null && (
          <p className="alert" role="alert" data-testid="sign-in-error">
            {error}
          </p>
        )}
        <button type="submit" className="button button--primary" data-testid="sign-in-submit" disabled={busy}>
          {busy ? t('auth.signingIn') : t('auth.submit')}
        </button>
        <p className="muted small">{t('auth.participantHint')}</p>
      </form>
    );
  }
  return <PageLayout mainClassName="doc doc--center">{body}</PageLayout>;
}
