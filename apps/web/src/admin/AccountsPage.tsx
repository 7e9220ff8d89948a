import { useTranslation } from 'react-i18next';
import { ACCOUNT_ROLES, type Account } from '../api/accountTypes';
import { listAccounts, updateAccount } from '../api/accounts';
import { can } from '../session/permissions';
import { ActionError } from '../ui/ActionError';
import { CardSection } from '../ui/CardSection';
import { LoadErrorAlert } from '../ui/LoadErrorAlert';
import { useAction } from '../ui/useAction';
import { useFormats } from '../ui/useFormats';
import { useLoad } from '../ui/useLoad';
import { AdminLayout } from './AdminLayout';

/** `/admin/cuentas`: every account; an admin changes roles and disables accounts. */
export function AccountsPage() {
  return <AdminLayout>{(account) => <AccountsView me={account} />}</AdminLayout>;
}

function AccountsView({ me }: { me: Account }) {
  const { t } = useTranslation();
  const f = useFormats();
  const loader = useLoad('accounts', listAccounts);
  const actions = useAction();
  const manage = can.manageAccounts(me.role);
  const { state } = loader;

  const change = (a: Account, changes: Parameters<typeof updateAccount>[1]) => {
    if (state.phase !== 'ready') return;
    void actions.run(`account:${a.id}`, () => updateAccount(a.id, changes)).then((next) => {
      if (!next) return;
      loader.set(state.data.map((x) => (x.id === next.id ? next : x)));
      loader.reload();
    });
  };

  return (
    <CardSection titleId="accounts-title" title={t('accounts.title')}>
      <p className="muted">{manage ? t('accounts.introAdmin') : t('accounts.intro')}</p>
      {actions.error && <ActionError message={actions.error.message} />}
      {state.phase === 'loading' && <p className="muted">{t('accounts.loading')}</p>}
      {state.phase === 'error' && <LoadErrorAlert error={state.error} onRetry={loader.reload} />}
      {state.phase === 'ready' && (
        <ul className="item-list">
          {state.data.map((a) => {
            const self = a.id === me.id;
            const busy = actions.busy !== null;
            return (
              <li key={a.id} className={`item-list__item admin-row${a.disabled ? ' admin-row--disabled' : ''}`} data-testid="account-item" data-email={a.email} data-role={a.role} data-disabled={a.disabled ? 'true' : 'false'}>
                <div className="admin-row__main">
                  <span className="admin-row__title">
                    {a.name}
                    {self && <span className="muted"> {t('presence.you')}</span>}
                  </span>
                  <span className="muted small">{a.email}</span>
                  <span className="item-link__meta">
                    {!manage && <span className="chip">{t(`roles.${a.role}`)}</span>}
                    <span className={`badge ${a.disabled ? 'badge--no_factible' : 'badge--factible'}`}>{a.disabled ? t('accounts.disabled') : t('accounts.active')}</span>
                    <span className="muted small">{t('accounts.since', { date: f.dateTime(a.createdAt) })}</span>
                  </span>
                </div>
                {manage && (
                  <div className="admin-row__tools">
                    <label className="field field--inline">
                      <span className="visually-hidden">{t('accounts.roleOf', { name: a.name })}</span>
                      <select
                        data-testid="account-role-select"
                        value={a.role}
                        disabled={busy || self}
                        onChange={(e) => {
                          const role = ACCOUNT_ROLES.find((r) => r === e.target.value);
                          if (role && role !== a.role) change(a, { role });
                        }}
                      >
                        {ACCOUNT_ROLES.map((r) => (
                          <option key={r} value={r}>
                            {t(`roles.${r}`)}
                          </option>
                        ))}
                      </select>
                    </label>
                    <button
                      type="button"
                      className={a.disabled ? 'button button--small' : 'button button--small button--danger-quiet'}
                      data-testid="account-toggle-disabled"
                      disabled={busy || self}
                      onClick={() => change(a, { disabled: !a.disabled })}
                    >
                      {a.disabled ? t('accounts.enable') : t('accounts.disable')}
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </CardSection>
  );
}
