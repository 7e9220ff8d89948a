import type { SolutionAlternative } from '@cocrea/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { createCommitment } from '../api/commitments';
import type { MesaAuth } from '../collab/mesaAuth';
import { ActionError } from '../ui/ActionError';
import { CheckOption } from '../ui/CheckOption';
import { Field } from '../ui/Field';
import type { Actions } from '../ui/useAction';
import { usePicked } from '../ui/usePicked';

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
  const { picked, toggle } = usePicked();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void actions
      .run('commitment', async () => createCommitment(auth.mesaId, { title, description, alternativeIds: [...picked] }, await auth.bearer()))
      .then((c) => {
        if (c) navigate(`/mesas/${encodeURIComponent(auth.mesaId)}/compromisos/${encodeURIComponent(c.id)}`);
      });
  };

  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby="new-commitment-title">
      <h2 id="new-commitment-title">{t('commitments.new')}</h2>
      <Field label={t('commitments.title')}>
        <input data-testid="new-commitment-title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} autoComplete="off" />
      </Field>
      <Field label={t('commitments.description')} optional>
        <textarea data-testid="new-commitment-description" value={description} onChange={(e) => setDescription(e.target.value)} rows={3} maxLength={4000} />
      </Field>
      {alternatives.length > 0 && (
        <fieldset className="checks">
          <legend className="field__label">{t('commitments.alternatives')}</legend>
          {alternatives.map((a) => (
            <CheckOption
              key={a.id}
              testId="new-commitment-alternative"
              data={{ 'data-alternative-id': a.id }}
              checked={picked.has(a.id)}
              onChange={(on) => toggle(a.id, on)}
            >
              {a.text}
            </CheckOption>
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
