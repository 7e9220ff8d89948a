import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { copyText } from '../ui/copyText';

interface Props {
  url: string;
  email: string;
  onDismiss: () => void;
}

/** The new invitation's link, shown this once (the server keeps only its hash), with "Copiar". */
export function CreatedInvitation({ url, email, onDismiss }: Props) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  const card = useRef<HTMLElement>(null);
  // A new link may appear off-screen on a phone: bring it into view once.
  useEffect(() => {
    card.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [url]);
  return (
    <section ref={card} className="card stack created-invitation" data-testid="created-invitation" aria-labelledby="created-invitation-title" role="status">
      <h2 id="created-invitation-title">{t('invitations.createdTitle')}</h2>
      <p>{t('invitations.createdBody', { email })}</p>
      <div className="copy-field">
        <input ref={input} readOnly value={url} data-testid="invitation-url" aria-label={t('invitations.link')} onFocus={(e) => e.currentTarget.select()} />
        <button
          type="button"
          className="button button--primary"
          data-testid="copy-invitation"
          onClick={() => {
            void copyText(url, input.current).then(setCopied);
          }}
        >
          {copied ? t('share.copied') : t('share.copy')}
        </button>
      </div>
      {copied === false && <p className="field__hint">{t('share.copyFailed')}</p>}
      <p className="field__hint">{t('invitations.onlyOnce')}</p>
      <button type="button" className="button button--small" onClick={onDismiss} data-testid="dismiss-invitation">
        {t('invitations.dismiss')}
      </button>
    </section>
  );
}
