import type { DueReminder } from '@cocrea/domain';
import { useTranslation } from 'react-i18next';
import { useFormats } from '../ui/useFormats';

/**
 * The monitoring and final-evaluation reminders of the PAM: status in words (programada, por
 * vencer, vencida, hecha), when each starts and falls due, and the domain's sentence.
 */
export function RemindersList({ reminders }: { reminders: DueReminder[] }) {
  const { t } = useTranslation();
  const f = useFormats();
  if (reminders.length === 0) return <p className="muted">{t('exercise.reminders.none')}</p>;
  return (
    <ul className="item-list" data-testid="reminders">
      {reminders.map((r) => (
        <li key={r.kind} className={`item-list__item reminder reminder--${r.status}`} data-testid="reminder" data-kind={r.kind} data-status={r.status}>
          <div className="row">
            <strong>{t(`exercise.reminders.kind.${r.kind}`)}</strong>
            <span className={`badge badge--reminder-${r.status}`}>{t(`exercise.reminders.status.${r.status}`)}</span>
          </div>
          <p className="item-list__text">{r.message}</p>
          <p className="muted small">{t('exercise.reminders.dates', { from: f.day(r.remindFrom), starts: f.day(r.startsOn), due: f.day(r.dueOn) })}</p>
        </li>
      ))}
    </ul>
  );
}
