import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../api/accountTypes';
import { listInvitations } from '../api/invitations';
import { CardSection } from '../ui/CardSection';
import { useLoad } from '../ui/useLoad';
import { AdminLayout } from './AdminLayout';
import { CreatedInvitation } from './CreatedInvitation';
import { InvitationForm } from './InvitationForm';
import { InvitationList } from './InvitationList';
import { useMesaTitles } from './useMesaTitles';

/** `/admin/invitaciones`: invite someone, see the link once, follow and revoke invitations. */
export function InvitationsPage() {
  return <AdminLayout>{(account) => <InvitationsView account={account} />}</AdminLayout>;
}

function InvitationsView({ account }: { account: Account }) {
  const { t } = useTranslation();
  const loader = useLoad('invitations', listInvitations);
  const mesas = useMesaTitles();
  const [created, setCreated] = useState<{ url: string; email: string } | null>(null);
  return (
    <div className="admin-grid">
      <div className="stack">
        {created && <CreatedInvitation url={created.url} email={created.email} onDismiss={() => setCreated(null)} />}
        <InvitationForm
          role={account.role}
          mesas={mesas}
          onCreated={(c) => {
            setCreated({ url: c.url, email: c.invitation.email });
            loader.reload();
          }}
        />
      </div>
      <CardSection titleId="invitations-title" title={t('invitations.listTitle')}>
        <InvitationList loader={loader} mesas={mesas} />
      </CardSection>
    </div>
  );
}
