import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { Account } from '../api/accountTypes';
import { can } from '../session/permissions';
import { RequireRole } from '../session/RequireRole';
import { PageLayout } from '../ui/PageLayout';

const TABS = [
  { href: '/admin/invitaciones', key: 'admin.tabs.invitations', testId: 'admin-tab-invitations' },
  { href: '/admin/cuentas', key: 'admin.tabs.accounts', testId: 'admin-tab-accounts' },
  { href: '/admin/bitacora', key: 'admin.tabs.audit', testId: 'admin-tab-audit' },
] as const;

/** The administration pages (facilitators and admins): a heading, the tabs, then the page. */
export function AdminLayout({ children }: { children: (account: Account) => ReactNode }) {
  return (
    <RequireRole allow={can.administer}>
      {(account) => (
        <PageLayout>
          <AdminTabs />
          {children(account)}
        </PageLayout>
      )}
    </RequireRole>
  );
}

function AdminTabs() {
  const { t } = useTranslation();
  const [path] = useLocation();
  return (
    <div className="admin-head">
      <h1 className="doc__title">{t('admin.title')}</h1>
      <nav className="tabs" aria-label={t('admin.title')}>
        {TABS.map((tab) => (
          <Link key={tab.href} href={tab.href} className="tabs__link" aria-current={path === tab.href ? 'page' : undefined} data-testid={tab.testId}>
            {t(tab.key)}
          </Link>
        ))}
      </nav>
    </div>
  );
}
