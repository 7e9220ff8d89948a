import { useTranslation } from 'react-i18next';
import type { CollabErrorKind } from '../collab/useCollabError';

const KEYS = {
  'missing-token': 'collabError.missing-token',
  'invalid-token': 'collabError.invalid-token',
  'expired-token': 'collabError.expired-token',
  'wrong-mesa': 'collabError.wrong-mesa',
  'unknown-document': 'collabError.unknown-document',
  'unknown-mesa': 'collabError.unknown-mesa',
  forbidden: 'collabError.forbidden',
  'mesa-closed': 'collabError.mesa-closed',
  revoked: 'collabError.revoked',
  generic: 'collabError.generic',
  'rate-limited': 'collabError.rate-limited',
  'timed-out': 'collabError.timed-out',
} as const satisfies Record<CollabErrorKind, string>;

/** Says clearly why the server refused the tree document, with a way out when there is one. */
export function CollabErrorBanner({ error }: { error: CollabErrorKind }) {
  const { t } = useTranslation();
  // Passing troubles fix themselves: the provider reconnects and resends what was not saved.
  const canReload = !['expired-token', 'generic', 'forbidden', 'rate-limited', 'timed-out'].includes(error);
  return (
    <div className="collab-error" data-testid="collab-error" data-reason={error} role="alert">
      <span>{t(KEYS[error])}</span>
      {canReload && (
        <button type="button" className="button button--small" onClick={() => window.location.reload()}>
          {t('collabError.reload')}
        </button>
      )}
    </div>
  );
}
