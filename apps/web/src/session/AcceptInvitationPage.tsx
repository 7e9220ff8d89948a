import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { InvitationOffer } from '../api/accountTypes';
import { ApiError } from '../api/client';
import { acceptInvitation, getInvitationOffer } from '../api/invitations';
import { useErrorMessage } from '../api/useErrorMessage';
import { Field } from '../ui/Field';
import { LoadErrorCard } from '../ui/LoadErrorCard';
import { LoadingStatus } from '../ui/LoadingStatus';
import { PageLayout } from '../ui/PageLayout';
import { useFormats } from '../ui/useFormats';
import { useLoad } from '../ui/useLoad';
import { useSession } from './SessionContext';

/** Shortest and longest password the server accepts. */
const PASSWORD_MIN = 10;
const PASSWORD_MAX = 200;

const isGone = (e: unknown) => e instanceof ApiError && (e.status === 410 || e.code === 'invitation_gone');

/** `/invitaciones/:token`: what the invitation offers, then name and password; the person lands signed in. */
export function AcceptInvitationPage({ token }: { token: string }) {
  const { t } = useTranslation();
  const fetcher = useCallback((signal: AbortSignal) => getInvitationOffer(token, signal), [token]);
  const loader = useLoad(`invitation:${token}`, fetcher);
  const { state } = loader;
  let body;
  if (state.phase === 'loading') body = <LoadingStatus label={t('invite.loading')} />;
  else if (state.phase === 'error' && isGone(state.error)) body = <InvitationGone />;
  else if (state.phase === 'error') body = <LoadErrorCard error={state.error} notFoundMessage={t('invite.gone')} missing={false} onRetry={loader.reload} />;
  else body = <AcceptForm token={token} offer={state.data} />;
  return <PageLayout mainClassName="doc doc--center">{body}</PageLayout>;
}

function InvitationGone() {
  const { t } = useTranslation();
  return (
    <section className="card stack auth-card" role="alert" data-testid="invitation-gone" aria-labelledby="invitation-gone-title">
      <h1 id="invitation-gone-title" className="auth-card__title">
        {t('invite.goneTitle')}
      </h1>
      <p>{t('invite.goneBody')}</p>
      <div className="row">
        <Link href="/" className="button">
          {t('mesa.back')}
        </Link>
      </div>
    </section>
  );
}

function AcceptForm({ token, offer }: { token: string; offer: InvitationOffer }) {
  const { t } = useTranslation();
  const f = useFormats();
  const message = useErrorMessage();
  const session = useSession();
  const [, navigate] = useLocation();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; gone: boolean; exists: boolean } | null>(null);

  const problem = (): string | null => {
    if (!name.trim()) return t('invite.nameRequired');
    if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) return t('invite.passwordLength', { min: PASSWORD_MIN, max: PASSWORD_MAX });
    if (password !== confirm) return t('invite.mismatch');
    return null;
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const p = problem();
    if (p) {
      setError({ text: p, gone: false, exists: false });
      return;
    }
    setBusy(true);
    setError(null);
    acceptInvitation(token, { name: name.trim(), password }).then(
      (info) => {
        session.adopt(info);
        navigate(offer.mesa ? `/mesas/${encodeURIComponent(offer.mesa.id)}` : '/', { replace: true });
      },
      (err: unknown) => {
        setBusy(false);
        const exists = err instanceof ApiError && err.status === 409;
        setError({ text: isGone(err) ? t('invite.gone') : message(err), gone: isGone(err), exists });
      },
    );
  };

  return (
    <form className="card form auth-card" onSubmit={submit} noValidate aria-labelledby="accept-title" data-testid="accept-form">
      <div className="stack">
        <p className="eyebrow">{t('invite.eyebrow')}</p>
        <h1 id="accept-title" className="auth-card__title">
          {t('invite.title')}
        </h1>
        <p data-testid="invitation-offer" data-role={offer.role}>
          {offer.mesa ? t('invite.offerMesa', { role: t(`roles.${offer.role}`), mesa: offer.mesa.title }) : t('invite.offer', { role: t(`roles.${offer.role}`) })}
        </p>
        <p className="muted small">{t(`invite.roleExplain.${offer.role}`)}</p>
        <p className="muted small">{t('invite.expires', { date: f.dateTime(offer.expiresAt) })}</p>
      </div>
      <Field label={t('auth.email')}>
        <input type="email" value={offer.email} readOnly autoComplete="username" data-testid="accept-email" />
      </Field>
      <Field label={t('invite.name')} hint={t('invite.nameHint')}>
        <input data-testid="accept-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={60} autoComplete="name" autoFocus />
      </Field>
      <Field label={t('auth.password')} hint={t('invite.passwordHint', { min: PASSWORD_MIN })}>
        <input
          type="password"
          data-testid="accept-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="new-password"
          minLength={PASSWORD_MIN}
          maxLength={PASSWORD_MAX}
        />
      </Field>
      <Field label={t('invite.confirm')}>
        <input
          type="password"
          data-testid="accept-confirm"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          autoComplete="new-password"
          maxLength={PASSWORD_MAX}
        />
      </Field>
      {error !== null && (
        <p className="alert" role="alert" data-testid="accept-error">
          {error.text}
          {error.exists && (
            <Link href="/entrar" className="button button--small">
              {t('auth.signIn')}
            </Link>
          )}
        </p>
      )}
      <button type="submit" className="button button--primary" data-testid="accept-submit" disabled={busy || error?.gone === true}>
        {busy ? t('invite.accepting') : t('invite.submit')}
      </button>
    </form>
  );
}
