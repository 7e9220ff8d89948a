import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { ClosedReason } from './resolveMesaAccess';

/** Why a participant cannot join now (link or mesa closed), and the way in for staff. */
export function JoinClosedNotice({ reason, next }: { reason: ClosedReason; next: string }) {
  const { t } = useTranslation();
  return (
    <section className="card stack join-closed" data-testid="join-closed" data-reason={reason} role="alert" aria-labelledby="join-closed-title">
      <h2 id="join-closed-title">{t(`joinClosed.${reason}.title`)}</h2>
      <p>{t(`joinClosed.${reason}.body`)}</p>
      <p className="muted small">
        {t('join.staffHint')}{' '}
        <Link href={`/entrar?next=${encodeURIComponent(next)}`}>{t('join.signIn')}</Link>
      </p>
    </section>
  );
}
