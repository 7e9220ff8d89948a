import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { AccessProblem } from '../collab/useAccessProblem';

/** Says that the server ended the person's access to the mesa, and the way on. */
export function AccessProblemBanner({ problem }: { problem: AccessProblem }) {
  const { t } = useTranslation();
  return (
    <div className="collab-error" data-testid="access-problem" data-reason={problem} role="alert">
      <span>{t(`accessProblem.${problem}`)}</span>
      {problem === 'session-ended' ? (
        <Link href={`/entrar?next=${encodeURIComponent(window.location.pathname)}`} className="button button--small">
          {t('auth.signIn')}
        </Link>
      ) : (
        <button type="button" className="button button--small" onClick={() => window.location.reload()}>
          {t('collabError.reload')}
        </button>
      )}
    </div>
  );
}
