import type { DocumentRef, Signatory } from '@cocrea/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { saveDeclaration } from '../api/exercises';
import { Field } from '../ui/Field';
import { DocumentPicker } from './DocumentPicker';
import { useExercise } from './ExerciseContext';
import { Refusal } from './Refusal';
import { SignatoryRows, blankSignatory } from './SignatoryRows';

/** The Declaración Conjunta: where it was signed, who signed it for each sector and when, and the signed document. */
export function DeclarationForm() {
  const { t } = useTranslation();
  const { view, manage, actions, reload } = useExercise();
  const d = view.exercise.declaration;
  const [place, setPlace] = useState(d?.place ?? '');
  const [rows, setRows] = useState<Signatory[]>(d?.signatories ?? []);
  const [document, setDocument] = useState<DocumentRef | null>(d?.document ?? null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void actions.run('declaration', () => saveDeclaration(view.exercise.id, { place, signatories: rows, document })).then((r) => r && reload());
  };
  return (
    <form className="stack" onSubmit={submit} noValidate data-testid="declaration-form">
      <fieldset className="stack plain-fieldset" disabled={!manage}>
        <Field label={t('exercise.declaration.place')} optional>
          <input value={place} maxLength={200} onChange={(e) => setPlace(e.target.value)} data-testid="declaration-place" />
        </Field>
        <h3 className="subhead">{t('exercise.declaration.signatories')}</h3>
        <SignatoryRows rows={rows} onChange={setRows} disabled={!manage} />
        {manage && (
          <button type="button" className="button button--small button--add" onClick={() => setRows([...rows, blankSignatory(view.today)])} data-testid="signatory-add">
            {t('exercise.declaration.addSignatory')}
          </button>
        )}
        <DocumentPicker exerciseId={view.exercise.id} value={document} onChange={setDocument} testId="declaration-document" label={t('exercise.declaration.document')} disabled={!manage} />
      </fieldset>
      {manage && (
        <div className="action-row">
          <button type="submit" className="button button--primary" disabled={actions.busy !== null} data-testid="declaration-save">
            {t('exercise.declaration.save')}
          </button>
        </div>
      )}
      <Refusal source="declaration" />
    </form>
  );
}
