import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../api/useErrorMessage';

/** A failed load inside a card: the reason and a small "Reintentar", as one alert. */
export function LoadErrorAlert({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  return (
    <div className="alert" role="alert">
      <span>{message(error)}</span>
      <button type="button" className="button button--small" onClick={onRetry}>
        {t('errors.retry')}
      </button>
    </div>
  );
}
