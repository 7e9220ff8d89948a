import type { SolutionAlternative } from '@cocrea/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addAlternative } from '../api/commitments';
import type { MesaAuth } from '../collab/mesaAuth';
import { ActionError } from '../ui/ActionError';
import type { Actions } from '../ui/useAction';
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
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const live = new Set(causes.map((c) => c.id));

  const toggle = (id: string, on: boolean) =>
    setPicked((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const causeIds = [...picked].filter((id) => live.has(id));
    void actions
      .run('alternative', async () => addAlternative(auth.mesaId, { text, causeIds }, await auth.token()))
      .then((a) => {
        if (!a) return;
        setText('');
        setPicked(new Set());
        onAdded(a);
      });
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="alternative-form-title">
      <h3 id="alternative-form-title">{t('alternatives.new')}</h3>
      <label className="field">
        <span className="field__label">{t('alternatives.text')}</span>
        <textarea data-testid="alternative-text" value={text} onChange={(e) => setText(e.target.value)} rows={3} maxLength={2000} placeholder={t('alternatives.placeholder')} />
      </label>
      <fieldset className="checks">
        <legend className="field__label">{t('alternatives.causes')}</legend>
        {causes.length === 0 && <p className="muted">{t('alternatives.noCauses')}</p>}
        {causes.map((c) => (
          <label key={c.id} className="check" style={{ marginInlineStart: `${(c.depth - 1) * 1.1}rem` }}>
            <input
              type="checkbox"
              data-testid="alternative-cause"
              data-node-id={c.id}
              checked={picked.has(c.id)}
              onChange={(e) => toggle(c.id, e.target.checked)}
            />
            <span>{c.text.trim() || t('tree.untitled')}</span>
          </label>
        ))}
      </fieldset>
      <ActionError message={actions.errorOf('alternative')} />
      <button type="submit" className="button button--primary" data-testid="alternative-submit" disabled={actions.busy === 'alternative'}>
        {t('alternatives.submit')}
      </button>
    </form>
  );
}
