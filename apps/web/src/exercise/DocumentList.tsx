import type { DocumentRef } from '@cocrea/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exerciseFileUrl } from '../api/exercises';
import { DocumentLink } from './DocumentLink';
import { DocumentPicker } from './DocumentPicker';

interface Props {
  exerciseId: string;
  docs: DocumentRef[];
  onChange: (docs: DocumentRef[]) => void;
  testId: string;
  label: string;
  disabled?: boolean;
}

/** Several documents (an event's evidence): the list, each removable, and a picker to add one more. */
export function DocumentList({ exerciseId, docs, onChange, testId, label, disabled = false }: Props) {
  const { t } = useTranslation();
  // A fresh picker after each addition.
  const [round, setRound] = useState(0);
  return (
    <div className="stack-sm">
      {docs.length > 0 && (
        <ul className="doc-list" data-testid={`${testId}-list`}>
          {docs.map((d, i) => (
            <li key={d.kind === 'archivo' ? d.sha256 : d.url} className="doc-list__item">
              <DocumentLink doc={d} href={d.kind === 'archivo' ? exerciseFileUrl(exerciseId, d) : d.url} />
              {!disabled && (
                <button type="button" className="button button--small button--quiet" onClick={() => onChange(docs.filter((_, j) => j !== i))}>
                  {t('exercise.doc.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {disabled ? (
        docs.length === 0 && <p className="muted small">{t('exercise.doc.noneIn', { label })}</p>
      ) : (
        <DocumentPicker
          key={round}
          exerciseId={exerciseId}
          value={null}
          testId={testId}
          label={label}
          onChange={(d) => {
            if (!d) return;
            onChange([...docs, d]);
            setRound((r) => r + 1);
          }}
        />
      )}
    </div>
  );
}
