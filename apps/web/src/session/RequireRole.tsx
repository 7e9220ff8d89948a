import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { Account } from '../api/accountTypes';
import { LoadingStatus } from '../ui/LoadingStatus';
import { PageLayout } from '../ui/PageLayout';
import type { Role } from './permissions';
import { useSession } from './SessionContext';

interface Props {
  /** Whether the role may see the page. */
  allow: (role: Role) => boolean;
  children: (account: Account) => ReactNode;
}

/**
 * A page for accounts only: a visitor is asked to sign in (and brought back), an account
 * whose role may not see it is told so. The server refuses anyway; this only says it kindly.
 */
export function RequireRole({ allow, children }: Props) {
  const { t } = useTranslation();
  const session = useSession();
  const [path] = useLocation();
  if (session.phase === 'loading') {
    return (
      <PageLayout mainClassName="doc doc--center">
        <LoadingStatus label={t('auth.checking')} />
      </PageLayout>
    );
  }
  if (session.account && allow(session.account.role)) return children(session.account);
  return (
    <PageLayout mainClassName="doc doc--center">
      <section className="card stack auth-card" data-testid={session.account ? 'no-permission' : 'needs-sign-in'} role="alert">
        <h1 className="auth-card__title">{session.account ? t('auth.noPermissionTitle') : t('auth.needsSignInTitle')}</h1>
        <p>{session.account ? t('auth.noPermission') : t('auth.needsSignIn')}</p>
        <div className="row">
          {session.account ? (
            <Link href="/" className="button">
              {t('mesa.back')}
            </Link>
          ) : (
            <Link href={`/entrar?next=${encodeURIComponent(path)}`} className="button button--primary">
              {t('auth.signIn')}
            </Link>
          )}
        </div>
      </section>
    </PageLayout>
  );
}
