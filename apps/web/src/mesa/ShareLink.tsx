import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { copyText } from '../ui/copyText';

type CopyState = 'idle' | 'copied' | 'failed';

/** "Compartir enlace": the join link in a read-only field and a button that copies it. */
export function ShareLink({ url }: { url: string }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const id = window.setTimeout(() => setState('idle'), 2500);
    return () => window.clearTimeout(id);
  }, [state]);

  return (
    <div className="share-link" role="group" aria-label={t('share.title')}>
      <span className="share-link__title" aria-hidden="true">
        <LinkIcon />
        <span className="share-link__title-text">{t('share.title')}</span>
      </span>
      <input
        ref={input}
        data-testid="share-link"
        className="share-link__input"
        readOnly
        value={url}
        aria-label={t('share.label')}
        onFocus={(e) => e.currentTarget.select()}
      />
      <button
        type="button"
        data-testid="copy-link"
        className="button button--small"
        aria-label={t('share.copyLabel')}
        onClick={() => {
          void copyText(url, input.current).then((ok) => setState(ok ? 'copied' : 'failed'));
        }}
      >
        {state === 'copied' ? t('share.copied') : t('share.copy')}
      </button>
      <span className="visually-hidden" role="status">
        {state === 'copied' ? t('share.copied') : state === 'failed' ? t('share.copyFailed') : ''}
      </span>
    </div>
  );
}

function LinkIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
      <path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" strokeLinecap="round" />
    </svg>
  );
}
