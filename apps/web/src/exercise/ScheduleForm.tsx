import { EXERCISE_PHASES, type ExercisePhase, type PhaseWindow } from '@cocrea/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { saveSchedule } from '../api/exercises';
import { useExercise } from './ExerciseContext';
import { Refusal } from './Refusal';

/**
 * The planned dates of each phase, from the STM's annual agenda: a phase whose planned end has
 * passed while it still lacks something is flagged late on the timeline.
 */
export function ScheduleForm() {
  const { t } = useTranslation();
  const { view, actions, reload } = useExercise();
  const [schedule, setSchedule] = useState<Partial<Record<ExercisePhase, PhaseWindow>>>(view.exercise.schedule);
  const set = (phase: ExercisePhase, key: keyof PhaseWindow, value: string) =>
    setSchedule((s) => ({ ...s, [phase]: { plannedStart: s[phase]?.plannedStart ?? null, plannedEnd: s[phase]?.plannedEnd ?? null, [key]: value || null } }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void actions.run('schedule', () => saveSchedule(view.exercise.id, schedule)).then((r) => r && reload());
  };
  return (
    <form className="stack" onSubmit={submit} noValidate data-testid="schedule-form">
      <div className="table-wrap">
        <table className="table schedule">
          <thead>
            <tr>
              <th scope="col">{t('exercise.schedule.phase')}</th>
              <th scope="col">{t('exercise.schedule.start')}</th>
              <th scope="col">{t('exercise.schedule.end')}</th>
            </tr>
          </thead>
          <tbody>
            {EXERCISE_PHASES.map((phase, i) => (
              <tr key={phase}>
                <th scope="row">
                  {i + 1}. {t(`exercise.phasesShort.${phase}`)}
                </th>
                <td>
                  <input
                    type="date"
                    aria-label={t('exercise.schedule.startOf', { phase: t(`exercise.phasesShort.${phase}`) })}
                    value={schedule[phase]?.plannedStart ?? ''}
                    onChange={(e) => set(phase, 'plannedStart', e.target.value)}
                  />
                </td>
                <td>
                  <input
                    type="date"
                    aria-label={t('exercise.schedule.endOf', { phase: t(`exercise.phasesShort.${phase}`) })}
                    value={schedule[phase]?.plannedEnd ?? ''}
                    onChange={(e) => set(phase, 'plannedEnd', e.target.value)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="action-row">
        <button type="submit" className="button" disabled={actions.busy !== null} data-testid="schedule-save">
          {t('exercise.schedule.save')}
        </button>
      </div>
      <Refusal source="schedule" />
    </form>
  );
}
