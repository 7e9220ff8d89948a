import { PARTICIPANT_SECTORS, type ParticipantSector, type Signatory } from '@cocrea/domain';
import { useTranslation } from 'react-i18next';

interface Props {
  rows: Signatory[];
  onChange: (rows: Signatory[]) => void;
  disabled: boolean;
}

/** A blank signatory, signing today. */
export function blankSignatory(today: string): Signatory {
  return { name: '', role: '', organization: '', sector: 'sociedad_civil', signedOn: today };
}

/** The signatories of the Declaración Conjunta: name, position, organisation, sector and date, one row each. */
export function SignatoryRows({ rows, onChange, disabled }: Props) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<Signatory>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  if (rows.length === 0) return <p className="muted">{t('exercise.declaration.noSignatories')}</p>;
  return (
    <ol className="rows" data-testid="signatories">
      {rows.map((r, i) => (
        <li key={i} className="rows__item" data-testid="signatory">
          <div className="fields-5">
            <label className="field">
              <span className="field__label">{t('exercise.declaration.name')}</span>
              <input value={r.name} maxLength={160} disabled={disabled} onChange={(e) => set(i, { name: e.target.value })} data-testid="signatory-name" />
            </label>
            <label className="field">
              <span className="field__label">{t('exercise.declaration.role')}</span>
              <input value={r.role} maxLength={160} disabled={disabled} onChange={(e) => set(i, { role: e.target.value })} data-testid="signatory-role" />
            </label>
            <label className="field">
              <span className="field__label">{t('exercise.declaration.organization')}</span>
              <input value={r.organization} maxLength={160} disabled={disabled} onChange={(e) => set(i, { organization: e.target.value })} data-testid="signatory-organization" />
            </label>
            <label className="field">
              <span className="field__label">{t('exercise.declaration.sector')}</span>
              <select value={r.sector} disabled={disabled} onChange={(e) => set(i, { sector: e.target.value as ParticipantSector })} data-testid="signatory-sector">
                {PARTICIPANT_SECTORS.map((s) => (
                  <option key={s} value={s}>
                    {t(`sectors.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span className="field__label">{t('exercise.declaration.signedOn')}</span>
              <input type="date" value={r.signedOn} disabled={disabled} onChange={(e) => set(i, { signedOn: e.target.value })} data-testid="signatory-date" />
            </label>
          </div>
          {!disabled && (
            <button type="button" className="button button--small button--danger-quiet" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
              {t('exercise.declaration.removeSignatory', { n: i + 1 })}
            </button>
          )}
        </li>
      ))}
    </ol>
  );
}
