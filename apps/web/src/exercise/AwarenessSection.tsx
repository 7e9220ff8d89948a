import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CardSection } from '../ui/CardSection';
import { useFormats } from '../ui/useFormats';
import { AwarenessEventForm } from './AwarenessEventForm';
import { useExercise } from './ExerciseContext';
import { SectionGaps } from './SectionGaps';

/** Phase 2, *sensibilización y socialización*: the events the Órgano Garante convened and who joined at each. */
export function AwarenessSection() {
  const { t } = useTranslation();
  const f = useFormats();
  const { view, manage } = useExercise();
  const [round, setRound] = useState(0);
  const names = new Map(view.members.map((m) => [m.id, m.name]));
  const events = [...view.exercise.awarenessEvents].sort((a, b) => a.date.localeCompare(b.date));
  return (
    <>
      <SectionGaps phase="sensibilizacion" />
      <CardSection titleId="awareness-title" title={t('exercise.awareness.title')}>
        {events.length === 0 && <p className="muted">{t('exercise.awareness.none')}</p>}
        <ul className="item-list" data-testid="awareness-events">
          {events.map((e) => (
            <li key={e.id} className="item-list__item" data-testid="awareness-event" data-id={e.id}>
              <div className="row">
                <strong>{e.title}</strong>
                <span className="muted">{f.day(e.date)}</span>
                {e.date > view.today && <span className="badge">{t('exercise.awareness.planned')}</span>}
              </div>
              <p className="muted small">
                {t('exercise.awareness.summary', { by: e.convenedBy, count: e.attendance ?? 0, evidence: e.evidence.length })}
                {e.audience.length > 0 && ` · ${e.audience.map((s) => t(`sectors.${s}`)).join(', ')}`}
              </p>
              {e.joinedMemberIds.length > 0 && (
                <p className="small">
                  {t('exercise.awareness.joinedList')} {e.joinedMemberIds.map((id) => names.get(id) ?? id).join(', ')}
                </p>
              )}
              <details className="disclosure">
                <summary>{manage ? t('exercise.awareness.edit') : t('exercise.awareness.details')}</summary>
                <AwarenessEventForm event={e} testId={`awareness-${e.id}`} />
              </details>
            </li>
          ))}
        </ul>
      </CardSection>
      {manage && (
        <CardSection titleId="awareness-new-title" title={t('exercise.awareness.newTitle')}>
          <AwarenessEventForm key={round} event={null} testId="awareness-new" onSaved={() => setRound((r) => r + 1)} />
        </CardSection>
      )}
    </>
  );
}
