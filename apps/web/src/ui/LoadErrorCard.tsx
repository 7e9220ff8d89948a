import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ApiError } from '../api/client';
import { useErrorMessage } from '../api/useErrorMessage';

interface Props {
  /** What failed; ignored when the thing is `missing`. */
  error: unknown;
  onRetry: () => void;
  /** Said instead of the server's message when the thing does not exist (a 404, or `missing`). */
  notFoundMessage?: string;
  /** Known not to exist without a 404 (e.g. a commitment of another mesa). */
  missing?: boolean;
  /** A way back; then "Reintentar" and the link share a row, and a missing thing offers no retry. */
  back?: { href: string; label: string };
  /** The card's classes: `card stack` unless told. */
  className?: string;
}

/** A page's failed load: the reason (or "not found"), "Reintentar" and, if given, a way back. */
export function LoadErrorCard({ error, onRetry, notFoundMessage, missing = false, back, className = 'card stack' }: Props) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const notFound = notFoundMessage !== undefined && (missing || (error instanceof ApiError && error.status === 404));
  const retry = (
    <button type="button" className="button" onClick={onRetry}>
      {t('errors.retry')}
    </button>
  );
  return (
    <div className={className}>
      <p className="alert" role="alert">
        {notFound ? notFoundMessage : message(error)}
      </p>
      {back ? (
        <div className="row">
          {!notFound && retry}
          <Link href={back.href} className="button button--primary">
            {back.label}
          </Link>
        </div>
      ) : (
        retry
      )}
    </div>
  );
}
