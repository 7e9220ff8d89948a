import type { SolutionAlternative } from '@cocrea/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { createCommitment } from '../api/commitments';
import type { MesaAuth } from '../collab/mesaAuth';
import { ActionError } from '../ui/ActionError';
import type { Actions } from '../ui/useAction';

interface Props {
  auth: MesaAuth;
  alternatives: SolutionAlternative[];
  actions: Actions;
}

/** "Nuevo compromiso preliminar": title, description and the alternatives it takes up; opens it. */
export function NewCommitmentForm({ auth, alternatives, actions }: Props) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());

  const toggle = (id: string, on: boolean) =>
    setPicked((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void actions
      .run('commitment', async () => createCommitment(auth.mesaId, { title, description, alternativeIds: [...picked] }, await auth.token()))
      .then((c) => {
        if (c) navigate(`/mesas/${encodeURIComponent(auth.mesaId)}/compromisos/${encodeURIComponent(c.id)}`);
      });
  };

  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby="new-commitment-title">
      <h2 id="new-commitment-title">{t('commitments.new')}</h2>
      <label className="field">
        <span className="field__label">{t('commitments.title')}</span>
        <input data-testid="new-commitment-title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} autoComplete="off" />
      </label>
      <label className="field">
        <span className="field__label">
          {t('commitments.description')} <span className="muted">({t('create.optional')})</span>
        </span>
        <textarea data-testid="new-commitment-description" value={description} onChange={(e) => setDescription(e.target.value)} rows={3} maxLength={4000} />
      </label>
      {alternatives.length > 0 && (
        <fieldset className="checks">
          <legend className="field__label">{t('commitments.alternatives')}</legend>
          {alternatives.map((a) => (
            <label key={a.id} className="check">
              <input
                type="checkbox"
                data-testid="new-commitment-alternative"
                data-alternative-id={a.id}
                checked={picked.has(a.id)}
                onChange={(e) => toggle(a.id, e.target.checked)}
              />
              <span>{a.text}</span>
            </label>
          ))}
        </fieldset>
      )}
      <ActionError message={actions.errorOf('commitment')} />
      <button type="submit" className="button button--primary" data-testid="new-commitment-submit" disabled={actions.busy === 'commitment'}>
        {t('commitments.create')}
      </button>
    </form>
  );
}
