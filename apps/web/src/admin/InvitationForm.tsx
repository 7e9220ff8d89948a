import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountRole, MesaRecord } from '../api/accountTypes';
import { createInvitation } from '../api/invitations';
import { invitableRoles, type Role } from '../session/permissions';
import { ActionError } from '../ui/ActionError';
import { Field } from '../ui/Field';
import { useAction } from '../ui/useAction';

/** How long an invitation may last, in days (the server's bounds). */
const DAYS_MIN = 1;
const DAYS_MAX = 30;

interface Props {
  /** Who invites: facilitators invite STM members and experts only. */
  role: Role;
  mesas: MesaRecord[];
  onCreated: (created: { url: string; invitation: { email: string } }) => void;
}

/** "Invitar": email, role, the mesa for an expert, and how many days the link lasts. */
export function InvitationForm({ role, mesas, onCreated }: Props) {
  const { t } = useTranslation();
  const roles = invitableRoles(role);
  const actions = useAction();
  const [email, setEmail] = useState('');
  const [target, setTarget] = useState<AccountRole>(roles[0] ?? 'stm');
  const [mesaId, setMesaId] = useState('');
  const [days, setDays] = useState(7);
  const [localError, setLocalError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problem = !email.trim() ? t('invitations.emailRequired') : target === 'expert' && !mesaId ? t('invitations.mesaRequired') : null;
    setLocalError(problem);
    if (problem) return;
    const input = { email: email.trim(), role: target, expiresInDays: days, ...(target === 'expert' ? { mesaId } : {}) };
    void actions.run('invite', () => createInvitation(input)).then((created) => {
      if (!created) return;
      setEmail('');
      onCreated(created);
    });
  };

  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby="invite-title" data-testid="invitation-form">
      <h2 id="invite-title">{t('invitations.new')}</h2>
      <Field label={t('auth.email')}>
        <input type="email" data-testid="invite-email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" placeholder="persona@municipio.gob.mx" />
      </Field>
      <Field label={t('invitations.role')} hint={t(`invite.roleExplain.${target}`)}>
        <select data-testid="invite-role" value={target} onChange={(e) => setTarget(roles.find((r) => r === e.target.value) ?? target)}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      {target === 'expert' && (
        <Field label={t('invitations.mesa')} hint={t('invitations.mesaHint')}>
          <select data-testid="invite-mesa" value={mesaId} onChange={(e) => setMesaId(e.target.value)}>
            <option value="">{t('invitations.pickMesa')}</option>
            {mesas.map((m) => (
              <option key={m.id} value={m.id}>
                {m.title}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field label={t('invitations.days')} hint={t('invitations.daysHint', { min: DAYS_MIN, max: DAYS_MAX })}>
        <input
          type="number"
          inputMode="numeric"
          data-testid="invite-days"
          min={DAYS_MIN}
          max={DAYS_MAX}
          value={days}
          onChange={(e) => setDays(Math.min(DAYS_MAX, Math.max(DAYS_MIN, Math.round(Number(e.target.value) || DAYS_MIN))))}
        />
      </Field>
      <ActionError message={localError ?? actions.errorOf('invite')} />
      <button type="submit" className="button button--primary" data-testid="invite-submit" disabled={actions.busy === 'invite'}>
        {actions.busy === 'invite' ? t('invitations.creating') : t('invitations.create')}
      </button>
    </form>
  );
}
