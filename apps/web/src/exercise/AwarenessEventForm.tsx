import { PARTICIPANT_SECTORS, type AwarenessEvent, type ParticipantSector } from '@cocrea/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveAwarenessEvent } from '../api/exercises';
import { CheckOption } from '../ui/CheckOption';
import { Field } from '../ui/Field';
import { EventForm } from './EventForm';
import { useExercise } from './ExerciseContext';

interface Props {
  event: AwarenessEvent | null;
  testId: string;
  onSaved?: () => void;
}

/** A sensibilización event: the event, who convened it, the sectors it addressed, attendance, and the integrantes who joined there. */
export function AwarenessEventForm({ event, testId, onSaved }: Props) {
  const { t } = useTranslation();
  const { view, manage } = useExercise();
  const [convenedBy, setConvenedBy] = useState(event?.convenedBy ?? 'Infoem');
  const [audience, setAudience] = useState<ParticipantSector[]>(event?.audience ?? []);
  const [attendance, setAttendance] = useState(event?.attendance?.toString() ?? '');
  const [joined, setJoined] = useState<string[]>(event?.joinedMemberIds ?? []);
  const toggle = <T,>(list: T[], x: T, on: boolean) => (on ? [...list, x] : list.filter((y) => y !== x));
  const extra = (
    <>
      <div className="fields-2">
        <Field label={t('exercise.awareness.convenedBy')}>
          <input value={convenedBy} maxLength={200} onChange={(e) => setConvenedBy(e.target.value)} data-testid={`${testId}-convened`} />
        </Field>
        <Field label={t('exercise.awareness.attendance')} optional>
          <input type="number" min={0} step={1} inputMode="numeric" value={attendance} onChange={(e) => setAttendance(e.target.value)} data-testid={`${testId}-attendance`} />
        </Field>
      </div>
      <fieldset className="checks">
        <legend>{t('exercise.awareness.audience')}</legend>
        {PARTICIPANT_SECTORS.map((s) => (
          <CheckOption key={s} checked={audience.includes(s)} disabled={!manage} onChange={(on) => setAudience(toggle(audience, s, on))} testId={`${testId}-audience-${s}`}>
            {t(`sectors.${s}`)}
          </CheckOption>
        ))}
      </fieldset>
      <fieldset className="checks">
        <legend>{t('exercise.awareness.joined')}</legend>
        {view.members.length === 0 && <p className="muted small">{t('exercise.awareness.noMembers')}</p>}
        {view.members.map((m) => (
          <CheckOption key={m.id} checked={joined.includes(m.id)} disabled={!manage} onChange={(on) => setJoined(toggle(joined, m.id, on))} testId={`${testId}-joined`} data={{ 'data-member': m.id }}>
            {m.name} <span className="muted">· {t(`sectors.${m.sector}`)}</span>
          </CheckOption>
        ))}
      </fieldset>
    </>
  );
  return (
    <EventForm
      event={event}
      testId={testId}
      submitLabel={event ? t('exercise.awareness.save') : t('exercise.awareness.add')}
      extra={extra}
      onSaved={onSaved}
      onSave={(base) =>
        saveAwarenessEvent(view.exercise.id, event?.id ?? null, {
          ...base,
          convenedBy,
          audience,
          attendance: attendance.trim() === '' ? null : Number(attendance),
          joinedMemberIds: joined,
        })
      }
    />
  );
}
