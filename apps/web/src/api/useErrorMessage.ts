import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './client';

/** Turns any thrown value into the message a person should read: the server's own words when it sent some. */
export function useErrorMessage(): (e: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (e: unknown) => {
      if (e instanceof ApiError) {
        if (e.message) return e.message;
        if (e.code === 'network') return t('errors.network');
      }
      return t('errors.unexpected');
    },
    [t],
  );
}
