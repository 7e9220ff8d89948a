import { TEXT_LIMITS, TREE_MAX_NODES } from '@cocrea/collab';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { AccessProblem } from '../collab/useAccessProblem';

/**
 * Says that the server ended the person's access to the mesa (or refused their last change), and
 * the way on. `textLimit` is the longest text of the document shown, for `text-too-long`.
 */
export function AccessProblemBanner({ problem, textLimit }: { problem: AccessProblem; textLimit?: number }) {
  const { t } = useTranslation();
  return (
    <div className="collab-error" data-testid="access-problem" data-reason={problem} role="alert">
      <span>{t(`accessProblem.${problem}`, { max: problem === 'tree-full' ? TREE_MAX_NODES : (textLimit ?? TEXT_LIMITS.treeNodeText) })}</span>
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
