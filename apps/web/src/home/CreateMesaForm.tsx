import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { createMesa } from '../api/client';
import { useErrorMessage } from '../api/useErrorMessage';
import { Field } from '../ui/Field';

/** The form a facilitator fills in to convene a mesa; opens the new mesa on success. */
export function CreateMesaForm() {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const [, navigate] = useLocation();
  const [title, setTitle] = useState('');
  const [topic, setTopic] = useState('');
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const desc = description.trim();
    createMesa({ title, topic, ...(desc ? { description: desc } : {}) }).then(
      ({ mesa }) => navigate(`/mesas/${encodeURIComponent(mesa.id)}`),
      (err: unknown) => {
        setError(message(err));
        setBusy(false);
      },
    );
  };

  return (
    <form className="card form" onSubmit={submit} aria-labelledby="create-mesa-heading" noValidate>
      <h2 id="create-mesa-heading">{t('create.title')}</h2>
      <Field label={t('create.fieldTitle')}>
        <input
          data-testid="create-mesa-title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          placeholder={t('create.titlePlaceholder')}
          maxLength={160}
          autoComplete="off"
        />
      </Field>
      <Field label={t('create.fieldTopic')}>
        <input
          data-testid="create-mesa-topic"
          value={topic}
          onChange={(e) => setTopic(e.target.value)}
          placeholder={t('create.topicPlaceholder')}
          maxLength={120}
          autoComplete="off"
        />
      </Field>
      <Field label={t('create.fieldDescription')} optional hint={t('create.descriptionHint')} hintId="create-mesa-description-hint">
        <textarea
          data-testid="create-mesa-description"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          placeholder={t('create.descriptionPlaceholder')}
          rows={4}
          maxLength={4000}
          aria-describedby="create-mesa-description-hint"
        />
      </Field>
      {error !== null && (
        <p data-testid="form-error" className="alert" role="alert">
          {error}
        </p>
      )}
      <button data-testid="create-mesa-submit" type="submit" className="button button--primary" disabled={busy}>
        {busy ? t('create.submitting') : t('create.submit')}
      </button>
    </form>
  );
}
