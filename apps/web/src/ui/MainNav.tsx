import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { can, type Role } from '../session/permissions';
import { useSession } from '../session/SessionContext';

interface Item {
  href: string;
  testId: string;
  key: 'nav.mesas' | 'nav.exercises' | 'nav.pam' | 'nav.public' | 'nav.admin';
  /** Whether the role sees the section. */
  show: (r: Role) => boolean;
  match: (path: string) => boolean;
}

const ITEMS: readonly Item[] = [
  { href: '/', testId: 'nav-mesas', key: 'nav.mesas', show: can.listMesas, match: (p: string) => p === '/' || p.startsWith('/mesas') },
  { href: '/ejercicios', testId: 'nav-ejercicios', key: 'nav.exercises', show: can.seeExercises, match: (p: string) => p.startsWith('/ejercicios') },
  { href: '/pam', testId: 'nav-pam', key: 'nav.pam', show: can.seePams, match: (p: string) => p.startsWith('/pam') },
  { href: '/publico', testId: 'nav-publico', key: 'nav.public', show: () => true, match: (p: string) => p.startsWith('/publico') || p.startsWith('/micrositio') },
  { href: '/admin', testId: 'nav-admin', key: 'nav.admin', show: can.administer, match: (p: string) => p.startsWith('/admin') },
];

/** The main navigation, as far as the role reaches: Mesas · Ejercicios · PAM · Público · Administración. */
export function MainNav({ className = '' }: { className?: string }) {
  const { t } = useTranslation();
  const [path] = useLocation();
  const { role } = useSession();
  const items = ITEMS.filter((item) => item.show(role));
  return (
    // `data-count` lets a phone give a long navigation a row of its own.
    <nav className={`main-nav ${className}`} aria-label={t('nav.label')} data-count={items.length}>
      {items.map((item) => {
        const current = item.match(path);
        return (
          <Link key={item.href} href={item.href} className="main-nav__link" aria-current={current ? 'page' : undefined} data-testid={item.testId}>
            {t(item.key)}
          </Link>
        );
      })}
    </nav>
  );
}
