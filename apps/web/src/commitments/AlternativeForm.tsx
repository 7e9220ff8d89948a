import type { SolutionAlternative } from '@cocrea/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addAlternative } from '../api/commitments';
import type { MesaAuth } from '../collab/mesaAuth';
import { ActionError } from '../ui/ActionError';
import { CheckOption } from '../ui/CheckOption';
import { Field } from '../ui/Field';
import type { Actions } from '../ui/useAction';
import { usePicked } from '../ui/usePicked';
import type { CauseOption } from './useTreeCauses';

interface Props {
  auth: MesaAuth;
  causes: CauseOption[];
  actions: Actions;
  onAdded: (a: SolutionAlternative) => void;
}

/** "Nueva alternativa de solución": its text and the causes of the live tree it addresses. */
export function AlternativeForm({ auth, causes, actions, onAdded }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const { picked, toggle, clear } = usePicked();
  const live = new Set(causes.map((c) => c.id));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const causeIds = [...picked].filter((id) => live.has(id));
    void actions
      .run('alternative', async () => addAlternative(auth.mesaId, { text, causeIds }, await auth.bearer()))
      .then((a) => {
        if (!a) return;
        setText('');
        clear();
        onAdded(a);
      });
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="alternative-form-title">
      <h3 id="alternative-form-title">{t('alternatives.new')}</h3>
      <Field label={t('alternatives.text')}>
        <textarea data-testid="alternative-text" value={text} onChange={(e) => setText(e.target.value)} rows={3} maxLength={2000} placeholder={t('alternatives.placeholder')} />
      </Field>
      <fieldset className="checks">
        <legend className="field__label">{t('alternatives.causes')}</legend>
        {causes.length === 0 && <p className="muted">{t('alternatives.noCauses')}</p>}
        {causes.map((c) => (
          <CheckOption
            key={c.id}
            style={{ marginInlineStart: `${(c.depth - 1) * 1.1}rem` }}
            testId="alternative-cause"
            data={{ 'data-node-id': c.id }}
            checked={picked.has(c.id)}
            onChange={(on) => toggle(c.id, on)}
          >
            {c.text.trim() || t('tree.untitled')}
          </CheckOption>
        ))}
      </fieldset>
      <ActionError message={actions.errorOf('alternative')} />
      <button type="submit" className="button button--primary" data-testid="alternative-submit" disabled={actions.busy === 'alternative'}>
        {t('alternatives.submit')}
      </button>
    </form>
  );
}
