import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { useErrorMessage } from '../api/useErrorMessage';
import { NamePrompt } from '../mesa/NamePrompt';

interface Props {
  /** `null` while joining. */
  error: unknown;
  name: string;
  /** A new name was given after the server refused the last one. */
  onName: (name: string) => void;
  onRetry: () => void;
}

/** While joining a mesa: a spinner, the name prompt again when the name was refused, or the error and a retry. */
export function JoinProgress({ error, name, onName, onRetry }: Props) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  if (error === null) {
    return (
      <p className="mesa-main__loading" role="status">
        <span className="spinner" aria-hidden="true" />
        {t('join.joining')}
      </p>
    );
  }
  const nameRefused = error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 404;
  if (nameRefused) {
    return (
      <NamePrompt
        initialName={name}
        error={message(error)}
        onSubmit={(next) => {
          onName(next);
          onRetry();
        }}
      />
    );
  }
  return (
    <div className="card stack">
      <p className="alert" role="alert">
        {message(error)}
      </p>
      <button type="button" className="button" onClick={onRetry}>
        {t('errors.retry')}
      </button>
    </div>
  );
}
