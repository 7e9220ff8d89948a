import { addNote, ANNOTATION_BODY_MAX, ANNOTATION_KINDS, AnnotationInputError, VERDICTS, type AnnotationKind, type Verdict } from '@cocrea/collab';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { Field } from '../ui/Field';
import { useAnnotations } from './AnnotationsContext';
import { noteDraftOf, noteProblem, type NoteProblem } from './noteDraft';

interface Props {
  doc: Y.Doc;
  nodeId: string;
  /** The note was added, or the person cancelled. */
  onDone: () => void;
}

/** Adds a note to a cause or an effect: its kind, its text, and the source or verdict it needs. */
export function NoteForm({ doc, nodeId, onDone }: Props) {
  const { t } = useTranslation();
  const annotations = useAnnotations();
  const [kind, setKind] = useState<AnnotationKind>('evidencia');
  const [body, setBody] = useState('');
  const [sourceUrl, setSourceUrl] = useState('');
  const [verdict, setVerdict] = useState<Verdict | ''>('');
  const [problem, setProblem] = useState<NoteProblem>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const errorId = useId();

  if (!annotations) return null;
  const { me } = annotations;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const fields = { kind, body, sourceUrl, verdict };
    const p = noteProblem(fields);
    setProblem(p);
    setFailure(null);
    if (p) return;
    try {
      addNote(doc, { targetNodeId: nodeId, note: noteDraftOf(fields), author: { id: me.id, name: me.name, role: me.role } });
      onDone();
    } catch (err) {
      setFailure(err instanceof AnnotationInputError ? err.message : t('errors.unexpected'));
    }
  };
  const invalid = (field: NonNullable<NoteProblem>['field']) => (problem?.field === field ? { 'aria-invalid': true, 'aria-describedby': errorId } : {});

  return (
    <form className="form annotation-form" onSubmit={submit} noValidate data-testid="annotation-form">
      <Field label={t('annotations.kindLabel')}>
        <select value={kind} data-testid="annotation-kind" onChange={(e) => setKind(e.target.value as AnnotationKind)}>
          {ANNOTATION_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`annotations.kind.${k}`)}
            </option>
          ))}
        </select>
      </Field>
      <p className="field__hint annotation-form__hint">{t(`annotations.kindHint.${kind}`)}</p>

      {kind === 'veredicto' && (
        <Field label={t('annotations.verdictLabel')}>
          <select value={verdict} data-testid="annotation-verdict" onChange={(e) => setVerdict(e.target.value as Verdict | '')} {...invalid('verdict')}>
            <option value="">{t('annotations.verdictChoose')}</option>
            {VERDICTS.map((v) => (
              <option key={v} value={v}>
                {t(`annotations.verdict.${v}`)}
              </option>
            ))}
          </select>
        </Field>
      )}

      <Field label={t(kind === 'veredicto' ? 'annotations.reasonsLabel' : 'annotations.bodyLabel')} hint={t('annotations.counter', { count: body.length, max: ANNOTATION_BODY_MAX })}>
        <textarea
          rows={4}
          value={body}
          maxLength={ANNOTATION_BODY_MAX}
          data-testid="annotation-body"
          placeholder={t(`annotations.placeholder.${kind}`)}
          onChange={(e) => setBody(e.target.value)}
          {...invalid('body')}
        />
      </Field>

      {kind === 'evidencia' && (
        <Field label={t('annotations.sourceLabel')}>
          <input
            type="url"
            inputMode="url"
            value={sourceUrl}
            data-testid="annotation-source"
            placeholder="https://"
            onChange={(e) => setSourceUrl(e.target.value)}
            {...invalid('sourceUrl')}
          />
        </Field>
      )}

      {(problem || failure) && (
        <p id={errorId} className="alert" role="alert" data-testid="annotation-error">
          {problem ? t(problem.key, { max: ANNOTATION_BODY_MAX }) : failure}
        </p>
      )}

      <div className="annotation-form__actions">
        <button type="button" className="button button--quiet" onClick={onDone}>
          {t('annotations.cancel')}
        </button>
        <button type="submit" className="button button--primary" data-testid="annotation-submit">
          {t('annotations.submit')}
        </button>
      </div>
    </form>
  );
}
