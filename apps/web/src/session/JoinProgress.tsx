import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { useErrorMessage } from '../api/useErrorMessage';
import { NamePrompt } from '../mesa/NamePrompt';
import { LoadErrorCard } from '../ui/LoadErrorCard';
import { LoadingStatus } from '../ui/LoadingStatus';

interface Props {
  /** `null` while joining. */
  error: unknown;
  name: string;
  /** A new name was given after the server refused the last one. */
  onName: (name: string) => void;
  onRetry: () => void;
  /** The classes of the error card: `card stack` unless told. */
  cardClassName?: string;
}

/** While joining a mesa: a spinner, the name prompt again when the name was refused, or the error and a retry. */
export function JoinProgress({ error, name, onName, onRetry, cardClassName }: Props) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  if (error === null) return <LoadingStatus label={t('join.joining')} />;
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
  return <LoadErrorCard className={cardClassName} error={error} onRetry={onRetry} />;
}
