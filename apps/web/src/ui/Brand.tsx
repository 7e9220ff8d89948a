import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';

/** The cocrea logo and name, linking to the home page. */
export function Brand() {
  const { t } = useTranslation();
  return (
    <Link href="/" className="brand" aria-label={t('app.home')}>
      <svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true">
        <rect width="32" height="32" rx="8" fill="currentColor" />
        <path d="M16 7v18M16 12l-6-4M16 12l6-4M16 20l-6 4M16 20l6 4" stroke="#fff" strokeWidth="2" strokeLinecap="round" />
        <circle cx="16" cy="16" r="4" fill="#f4b942" />
      </svg>
      <span className="brand__name">cocrea</span>
    </Link>
  );
}
