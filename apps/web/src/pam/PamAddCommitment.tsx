import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../ui/ActionError';
import { Field } from '../ui/Field';
import { useFinalizedCommitments } from './useFinalizedCommitments';

interface Props {
  /** Commitments already in the plan. */
  included: ReadonlySet<string>;
  busy: boolean;
  error: string | null;
  onAdd: (commitmentId: string) => void;
}

/** Picks a finalized commitment of any mesa (grouped by mesa) to add to the plan. */
export function PamAddCommitment({ included, busy, error, onAdd }: Props) {
  const { t } = useTranslation();
  const { state, reload } = useFinalizedCommitments();
  const [picked, setPicked] = useState('');
  const groups = state.phase === 'ready' ? state.data.map((g) => ({ ...g, commitments: g.commitments.filter((c) => !included.has(c.id)) })).filter((g) => g.commitments.length > 0) : [];
  const available = groups.some((g) => g.commitments.length > 0);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onAdd(picked);
    setPicked('');
  };

  return (
    <form className="form add-commitment" onSubmit={submit} noValidate>
      <Field label={t('pam.addLabel')} hint={t('pam.addHint')}>
        <select data-testid="pam-add-commitment" value={picked} onChange={(e) => setPicked(e.target.value)} onFocus={reload}>
          <option value="">{state.phase === 'loading' ? t('pam.loadingCommitments') : available ? t('pam.pick') : t('pam.noneAvailable')}</option>
          {groups.map((g) => (
            <optgroup key={g.mesa.id} label={g.mesa.title}>
              {g.commitments.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </Field>
      <ActionError message={error} />
      <button type="submit" className="button button--primary" data-testid="pam-add-submit" disabled={busy}>
        {t('pam.add')}
      </button>
    </form>
  );
}
