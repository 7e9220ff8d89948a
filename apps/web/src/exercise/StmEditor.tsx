import { STM_SECTORS, type DocumentRef, type SeatCapacity, type Stm, type StmSeat, type StmSector } from '@cocrea/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { saveStm } from '../api/exercises';
import type { ViewMember } from '../api/exerciseTypes';
import { Field } from '../ui/Field';
import { DocumentPicker } from './DocumentPicker';
import { useExercise } from './ExerciseContext';
import { GapList } from './GapList';
import { Refusal } from './Refusal';
import { draftFromStm, draftGaps, newSeatId, toStmInput } from './stmDraft';

interface PersonSelectProps {
  value: string | null;
  members: readonly ViewMember[];
  /** People of this sector are offered first. */
  sector: StmSector;
  label: string;
  testId: string;
  disabled: boolean;
  onChange: (id: string | null) => void;
}

/** A person of the registry: those of the sector first, then the rest (the gaps say why they cannot sit there). */
function PersonSelect({ value, members, sector, label, testId, disabled, onChange }: PersonSelectProps) {
  const { t } = useTranslation();
  const people = members.filter((m) => m.kind === 'persona');
  const own = people.filter((m) => m.sector === sector);
  const others = people.filter((m) => m.sector !== sector);
  return (
    <Field label={label}>
      <select value={value ?? ''} disabled={disabled} onChange={(e) => onChange(e.target.value || null)} data-testid={testId}>
        <option value="">{t('exercise.stm.nobody')}</option>
        <optgroup label={t('exercise.stm.ofSector', { sector: t(`sectors.${sector}`) })}>
          {own.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </optgroup>
        {others.length > 0 && (
          <optgroup label={t('exercise.stm.otherSectors')}>
            {others.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name} — {t(`sectors.${m.sector}`)}
              </option>
            ))}
          </optgroup>
        )}
      </select>
    </Field>
  );
}

/**
 * The STM's composition: titular and suplente of each sector's seat, the facilitator from civil
 * society, the installation date, and the two documents the guide asks for. What the minimum
 * composition still lacks is recomputed as people are picked, in the domain's exact sentences.
 */
export function StmEditor() {
  const { t } = useTranslation();
  const { view, manage, actions, reload } = useExercise();
  const [draft, setDraft] = useState<Stm>(() => draftFromStm(view.exercise.stm));
  const gaps = draftGaps(draft, view.members);
  const setSeat = (id: string, patch: Partial<StmSeat>) => setDraft((d) => ({ ...d, seats: d.seats.map((s) => (s.id === id ? { ...s, ...patch } : s)) }));
  const addSeat = (sector: StmSector) => setDraft((d) => ({ ...d, seats: [...d.seats, { id: newSeatId(d.seats, sector), sector, titularId: null, suplenteId: null }] }));
  const setDoc = (key: 'governanceRules' | 'annualAgenda') => (doc: DocumentRef | null) => setDraft((d) => ({ ...d, [key]: doc }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void actions.run('stm', () => saveStm(view.exercise.id, toStmInput(draft))).then((r) => r && reload());
  };
  const disabled = !manage;
  return (
    <form className="stack" onSubmit={submit} noValidate data-testid="stm-form">
      <div className="stm-seats">
        {STM_SECTORS.map((sector) => (
          <fieldset key={sector} className="stm-sector" data-testid="stm-sector" data-sector={sector}>
            <legend className="stm-sector__title">{t(`sectors.${sector}`)}</legend>
            {draft.seats
              .filter((s) => s.sector === sector)
              .map((seat, i) => (
                <div key={seat.id} className="stm-seat" data-seat={seat.id}>
                  {(['titular', 'suplente'] as SeatCapacity[]).map((capacity) => (
                    <PersonSelect
                      key={capacity}
                      value={capacity === 'titular' ? seat.titularId : seat.suplenteId}
                      members={view.members}
                      sector={sector}
                      label={t(`exercise.stm.capacity.${capacity}`)}
                      testId={`stm-${capacity}-${sector}-${i}`}
                      disabled={disabled}
                      onChange={(id) => setSeat(seat.id, capacity === 'titular' ? { titularId: id } : { suplenteId: id })}
                    />
                  ))}
                </div>
              ))}
            {manage && (
              <button type="button" className="button button--small button--quiet" onClick={() => addSeat(sector)}>
                {t('exercise.stm.addSeat')}
              </button>
            )}
          </fieldset>
        ))}
      </div>
      <div className="fields-2">
        <PersonSelect
          value={draft.facilitatorId}
          members={view.members}
          sector="sociedad_civil"
          label={t('exercise.stm.facilitatorLabel')}
          testId="stm-facilitator"
          disabled={disabled}
          onChange={(id) => setDraft((d) => ({ ...d, facilitatorId: id }))}
        />
        <Field label={t('exercise.stm.installedOn')} optional>
          <input type="date" value={draft.installedOn ?? ''} disabled={disabled} onChange={(e) => setDraft((d) => ({ ...d, installedOn: e.target.value || null }))} data-testid="stm-installed-on" />
        </Field>
      </div>
      <div className="stm-gaps" aria-live="polite">
        <h3 className="subhead">{t('exercise.stm.minimumTitle')}</h3>
        <GapList gaps={gaps.minimum} testId="stm-gaps" done={t('exercise.stm.minimumMet')} />
        {gaps.suplentes.length > 0 && <GapList gaps={gaps.suplentes} testId="stm-suplente-gaps" />}
      </div>
      <h3 className="subhead">{t('exercise.stm.documents')}</h3>
      <div className="fields-2">
        <DocumentPicker exerciseId={view.exercise.id} value={draft.governanceRules} onChange={setDoc('governanceRules')} testId="stm-rules" label={t('exercise.stm.rules')} disabled={disabled} />
        <DocumentPicker exerciseId={view.exercise.id} value={draft.annualAgenda} onChange={setDoc('annualAgenda')} testId="stm-agenda" label={t('exercise.stm.agenda')} disabled={disabled} />
      </div>
      {manage && (
        <div className="action-row">
          <button type="submit" className="button button--primary" disabled={actions.busy !== null} data-testid="stm-save">
            {t('exercise.stm.save')}
          </button>
        </div>
      )}
      <Refusal source="stm" />
    </form>
  );
}
