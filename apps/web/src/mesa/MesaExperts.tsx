import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addMember, listMembers, removeMember } from '../api/members';
import { useMesaAccess } from '../session/MesaAccessContext';
import { ActionError } from '../ui/ActionError';
import { Field } from '../ui/Field';
import { LoadErrorAlert } from '../ui/LoadErrorAlert';
import { useAction } from '../ui/useAction';
import { useLoad } from '../ui/useLoad';

/** The mesa's experts: who they are, remove one, add an existing expert account by email. */
export function MesaExperts() {
  const { t } = useTranslation();
  const { mesa } = useMesaAccess();
  const fetcher = useCallback((signal: AbortSignal) => listMembers(mesa.id, signal), [mesa.id]);
  const loader = useLoad(`members:${mesa.id}`, fetcher);
  const actions = useAction();
  const [email, setEmail] = useState('');
  const { state } = loader;

  const add = (e: FormEvent) => {
    e.preventDefault();
    void actions.run('add', () => addMember(mesa.id, email.trim())).then((m) => {
      if (!m) return;
      setEmail('');
      loader.reload();
    });
  };
  const remove = (accountId: string) => {
    void actions.run(`remove:${accountId}`, () => removeMember(mesa.id, accountId)).then(() => loader.reload());
  };

  return (
    <section className="stack" aria-labelledby="mesa-experts-title">
      <h3 id="mesa-experts-title">{t('mesaControls.experts')}</h3>
      <p className="field__hint">{t('mesaControls.expertsHint')}</p>
      {state.phase === 'loading' && <p className="muted">{t('mesaControls.loadingExperts')}</p>}
      {state.phase === 'error' && <LoadErrorAlert error={state.error} onRetry={loader.reload} />}
      {state.phase === 'ready' && state.data.length === 0 && <p className="muted">{t('mesaControls.noExperts')}</p>}
      {state.phase === 'ready' && state.data.length > 0 && (
        <ul className="member-list">
          {state.data.map((m) => (
            <li key={m.account.id} className="member-list__item" data-testid="mesa-expert">
              <span className="member-list__who">
                <strong>{m.account.name}</strong>
                <span className="muted small">{m.account.email}</span>
              </span>
              <button
                type="button"
                className="button button--small"
                data-testid="remove-expert"
                disabled={actions.busy !== null}
                aria-label={t('mesaControls.removeExpertLabel', { name: m.account.name })}
                onClick={() => remove(m.account.id)}
              >
                {t('mesaControls.removeExpert')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {actions.error?.source.startsWith('remove:') && <ActionError message={actions.error.message} />}
      <form className="inline-form" onSubmit={add} noValidate>
        <Field label={t('mesaControls.expertEmail')}>
          <input type="email" data-testid="add-expert-email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" placeholder="persona@ejemplo.org" />
        </Field>
        <button type="submit" className="button button--primary" data-testid="add-expert" disabled={actions.busy !== null || !email.trim()}>
          {t('mesaControls.addExpert')}
        </button>
      </form>
      <ActionError message={actions.errorOf('add')} />
    </section>
  );
}
