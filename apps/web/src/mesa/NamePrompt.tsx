import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../ui/Field';

interface Props {
  initialName: string;
  error: string | null;
  onSubmit: (name: string) => void;
}

/** Asks for a display name before joining: the only thing a participant needs. */
export function NamePrompt({ initialName, error, onSubmit }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState(initialName);
  const [localError, setLocalError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setLocalError(t('join.required'));
      return;
    }
    setLocalError(null);
    onSubmit(name.trim());
  };
  const shown = localError ?? error;

  return (
    <form className="card form name-prompt" onSubmit={submit} aria-labelledby="name-prompt-title" noValidate>
      <h2 id="name-prompt-title">{t('join.title')}</h2>
      <p className="muted">{t('join.explain')}</p>
      <Field label={t('join.label')}>
        <input
          data-testid="join-name-input"
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder={t('join.placeholder')}
          maxLength={60}
          autoComplete="name"
          autoFocus
          aria-invalid={shown !== null}
          aria-describedby={shown !== null ? 'name-prompt-error' : undefined}
        />
      </Field>
      {shown !== null && (
        <p id="name-prompt-error" data-testid="join-error" className="alert" role="alert">
          {shown}
        </p>
      )}
      <button data-testid="join-submit" type="submit" className="button button--primary">
        {t('join.submit')}
      </button>
    </form>
  );
}
