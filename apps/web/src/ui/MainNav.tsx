import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';

const ITEMS = [
  { href: '/', key: 'nav.mesas', match: (p: string) => p === '/' || p.startsWith('/mesas') },
  { href: '/pam', key: 'nav.pam', match: (p: string) => p.startsWith('/pam') },
  { href: '/publico', key: 'nav.public', match: (p: string) => p.startsWith('/publico') },
] as const;

/** The main navigation: Mesas · PAM · Público, the current section marked. */
export function MainNav({ className = '' }: { className?: string }) {
  const { t } = useTranslation();
  const [path] = useLocation();
  return (
    <nav className={`main-nav ${className}`} aria-label={t('nav.label')}>
      {ITEMS.map((item) => {
        const current = item.match(path);
        return (
          <Link key={item.href} href={item.href} className="main-nav__link" aria-current={current ? 'page' : undefined} data-testid={`nav-${item.href.slice(1) || 'mesas'}`}>
            {t(item.key)}
          </Link>
        );
      })}
    </nav>
  );
}
