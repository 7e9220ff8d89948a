import { useTranslation } from 'react-i18next';
import type { Invitation, MesaRecord } from '../api/accountTypes';
import { revokeInvitation } from '../api/invitations';
import { ActionError } from '../ui/ActionError';
import { LoadErrorAlert } from '../ui/LoadErrorAlert';
import { useAction } from '../ui/useAction';
import { useFormats } from '../ui/useFormats';
import type { Loader } from '../ui/useLoad';

/** Every invitation, newest first: who, role (and mesa), status, expiry; "Revocar" while pending. */
export function InvitationList({ loader, mesas }: { loader: Loader<Invitation[]>; mesas: MesaRecord[] }) {
  const { t } = useTranslation();
  const f = useFormats();
  const actions = useAction();
  const { state } = loader;
  const titleOf = new Map(mesas.map((m) => [m.id, m.title]));

  if (state.phase === 'loading') return <p className="muted">{t('invitations.loading')}</p>;
  if (state.phase === 'error') return <LoadErrorAlert error={state.error} onRetry={loader.reload} />;
  if (state.data.length === 0) return <p className="muted">{t('invitations.empty')}</p>;

  const revoke = (inv: Invitation) => {
    void actions.run(`revoke:${inv.id}`, () => revokeInvitation(inv.id)).then((next) => {
      if (!next) return;
      loader.set(state.data.map((i) => (i.id === next.id ? next : i)));
      loader.reload();
    });
  };

  return (
    <>
      {actions.error && <ActionError message={actions.error.message} />}
      <ul className="item-list">
        {state.data.map((inv) => (
          <li key={inv.id} className="item-list__item admin-row" data-testid="invitation-item" data-status={inv.status} data-email={inv.email}>
            <div className="admin-row__main">
              <span className="admin-row__title">{inv.email}</span>
              <span className="item-link__meta">
                <span className="chip">{t(`roles.${inv.role}`)}</span>
                {inv.mesaId && <span className="muted">{titleOf.get(inv.mesaId) ?? inv.mesaId}</span>}
                <span className={`badge badge--inv-${inv.status}`} data-testid="invitation-status">
                  {t(`invitationStatus.${inv.status}`)}
                </span>
              </span>
              <span className="muted small">
                {inv.status === 'pendiente' ? t('invitations.expiresOn', { date: f.dateTime(inv.expiresAt) }) : t('invitations.createdBy', { name: inv.createdBy.name, date: f.dateTime(inv.createdAt) })}
              </span>
            </div>
            {inv.status === 'pendiente' && (
              <button type="button" className="button button--small button--danger-quiet" data-testid="revoke-invitation" disabled={actions.busy !== null} onClick={() => revoke(inv)}>
                {t('invitations.revoke')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
