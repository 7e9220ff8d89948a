import { linkRefSchema, type DocumentRef } from '@cocrea/domain';
import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { exerciseFileUrl, uploadExerciseFile } from '../api/exercises';
import { useErrorMessage } from '../api/useErrorMessage';
import { DocumentLink } from './DocumentLink';
import { ACCEPT, ALLOWED_LABELS, checkFile, megabytes } from './fileCheck';
import { MAX_FILE_BYTES } from '@cocrea/domain';

interface Props {
  exerciseId: string;
  value: DocumentRef | null;
  onChange: (doc: DocumentRef | null) => void;
  /** Prefix of the controls' `data-testid`s. */
  testId: string;
  /** What the document is ("Documento firmado"). */
  label: string;
  disabled?: boolean;
}

/**
 * A document of the exercise: an uploaded file or a link. A file is checked here first (type,
 * size, not empty — the same limits the server applies) and uploaded at once; the server's
 * refusal (a type it sniffed as something else, say) is shown as it comes. A link must be a full
 * http(s) address with a description.
 */
export function DocumentPicker({ exerciseId, value, onChange, testId, label, disabled = false }: Props) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const id = useId();
  const [mode, setMode] = useState<'archivo' | 'enlace'>('archivo');
  const [problem, setProblem] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');

  if (value) {
    return (
      <div className="doc-picker doc-picker--set" data-testid={`${testId}-value`}>
        <span className="doc-picker__label">{label}</span>
        <div className="row">
          <DocumentLink doc={value} href={value.kind === 'archivo' ? exerciseFileUrl(exerciseId, value) : value.url} />
          {!disabled && (
            <button type="button" className="button button--small button--quiet" onClick={() => onChange(null)} data-testid={`${testId}-remove`}>
              {t('exercise.doc.remove')}
            </button>
          )}
        </div>
      </div>
    );
  }

  if (disabled) {
    return (
      <div className="doc-picker doc-picker--set">
        <span className="doc-picker__label">{label}</span>
        <span className="muted small">{t('exercise.doc.none')}</span>
      </div>
    );
  }

  const pick = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const check = checkFile(file);
    if (!check.ok) {
      setProblem(check.problem);
      return;
    }
    setProblem(null);
    setUploading(true);
    try {
      onChange(await uploadExerciseFile(exerciseId, file, check.mediaType));
    } catch (err) {
      setProblem(message(err));
    } finally {
      setUploading(false);
    }
  };

  const addLink = () => {
    const parsed = linkRefSchema.safeParse({ kind: 'enlace', url, title });
    if (!parsed.success) {
      setProblem([...new Set(parsed.error.issues.map((i) => i.message))].join(' '));
      return;
    }
    setProblem(null);
    setUrl('');
    setTitle('');
    onChange(parsed.data);
  };

  return (
    <fieldset className="doc-picker" disabled={disabled || uploading}>
      <legend className="doc-picker__label">{label}</legend>
      <div className="segmented" role="radiogroup" aria-label={t('exercise.doc.kind')}>
        {(['archivo', 'enlace'] as const).map((k) => (
          <label key={k} className="segmented__option">
            <input type="radio" name={`${id}-kind`} checked={mode === k} onChange={() => setMode(k)} data-testid={`${testId}-mode-${k}`} />
            <span>{t(`exercise.doc.${k}`)}</span>
          </label>
        ))}
      </div>
      {mode === 'archivo' ? (
        <label className="field">
          <span className="visually-hidden">{t('exercise.doc.pick', { label })}</span>
          <input type="file" accept={ACCEPT} onChange={(e) => void pick(e)} data-testid={`${testId}-file`} aria-describedby={`${id}-hint`} />
          <span id={`${id}-hint`} className="field__hint">
            {uploading ? t('exercise.doc.uploading') : t('exercise.doc.fileHint', { types: ALLOWED_LABELS, max: megabytes(MAX_FILE_BYTES) })}
          </span>
        </label>
      ) : (
        <div className="fields-2">
          <label className="field">
            <span className="field__label">{t('exercise.doc.url')}</span>
            <input type="url" inputMode="url" placeholder="https://" value={url} onChange={(e) => setUrl(e.target.value)} data-testid={`${testId}-url`} />
          </label>
          <label className="field">
            <span className="field__label">{t('exercise.doc.linkTitle')}</span>
            <input value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} data-testid={`${testId}-link-title`} />
          </label>
          <button type="button" className="button button--small" onClick={addLink} data-testid={`${testId}-add-link`}>
            {t('exercise.doc.addLink')}
          </button>
        </div>
      )}
      {problem !== null && (
        <p className="alert" role="alert" data-testid={`${testId}-error`}>
          {problem}
        </p>
      )}
    </fieldset>
  );
}
