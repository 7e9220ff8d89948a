import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';

/** Shown for any address the client does not know. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <main className="page page--center">
      <div className="card">
        <p>{t('mesa.notFound')}</p>
        <Link href="/" className="button">
          {t('mesa.back')}
        </Link>
      </div>
    </main>
  );
}
