import { seatsOf, type Stm } from '@cocrea/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listAccounts } from '../api/accounts';
import { hasContact, type ViewMember } from '../api/exerciseTypes';
import { CardSection } from '../ui/CardSection';
import { LoadErrorAlert } from '../ui/LoadErrorAlert';
import { useFormats } from '../ui/useFormats';
import { useLoad } from '../ui/useLoad';
import { useExercise } from './ExerciseContext';
import { MemberForm } from './MemberForm';

/** Where an integrante sits in the STM, in words ("Titular · Sociedad civil", "Facilitación"). */
function useSeatLabel(stm: Stm) {
  const { t } = useTranslation();
  return (m: ViewMember): string | null => {
    const seats = seatsOf(stm, m.id).map(({ seat, capacity }) => `${t(`exercise.stm.capacity.${capacity}`)} · ${t(`sectors.${seat.sector}`)}`);
    if (stm.facilitatorId === m.id) seats.push(t('exercise.stm.facilitator'));
    return seats.length > 0 ? seats.join('; ') : null;
  };
}

/** The registry of *integrantes*: every person and organisation that joined the exercise. */
export function MembersSection() {
  const { t } = useTranslation();
  const f = useFormats();
  const { view, manage } = useExercise();
  const accounts = useLoad(manage ? 'accounts' : 'no-accounts', (signal) => (manage ? listAccounts(signal) : Promise.resolve([])));
  const [round, setRound] = useState(0);
  const seatLabel = useSeatLabel(view.exercise.stm);
  const events = new Map(view.exercise.awarenessEvents.map((e) => [e.id, e.title]));
  const accountList = accounts.state.phase === 'ready' ? accounts.state.data : null;
  const accountName = new Map((accountList ?? []).map((a) => [a.id, `${a.name} (${a.email})`]));
  return (
    <>
      <CardSection titleId="members-title" title={t('exercise.members.title', { count: view.members.length })}>
        <p className="muted small">{t('exercise.members.intro')}</p>
        {accounts.state.phase === 'error' && <LoadErrorAlert error={accounts.state.error} onRetry={accounts.reload} />}
        {view.members.length === 0 && <p className="muted">{t('exercise.members.none')}</p>}
        <ul className="item-list" data-testid="members">
          {view.members.map((m) => {
            const seat = seatLabel(m);
            return (
              <li key={m.id} className="item-list__item member" data-testid="member-row" data-member-id={m.id} data-name={m.name} data-sector={m.sector}>
                <div className="row">
                  <strong>{m.name}</strong>
                  <span className="chip">{t(`sectors.${m.sector}`)}</span>
                  {m.kind === 'organizacion' && <span className="badge">{t('exercise.members.kinds.organizacion')}</span>}
                  {seat && <span className="badge badge--publicado">{seat}</span>}
                </div>
                {(m.organization || m.position) && <p className="small">{[m.position, m.organization].filter(Boolean).join(', ')}</p>}
                <p className="muted small">
                  {t('exercise.members.joined', { date: f.day(m.joinedOn) })}
                  {m.joinedAtEventId && ` · ${events.get(m.joinedAtEventId) ?? m.joinedAtEventId}`}
                </p>
                {hasContact(m) && (
                  <p className="muted small">
                    {[m.contact.email, m.contact.phone].filter(Boolean).join(' · ') || t('exercise.members.noContact')}
                    {' · '}
                    {m.accountId ? t('exercise.members.actsAs', { account: accountName.get(m.accountId) ?? m.accountId }) : t('exercise.members.noAccountLinked')}
                  </p>
                )}
                {manage && hasContact(m) && (
                  <details className="disclosure">
                    <summary>{t('exercise.members.edit')}</summary>
                    <MemberForm member={m} accounts={accountList} testId={`member-${m.id}`} />
                  </details>
                )}
              </li>
            );
          })}
        </ul>
      </CardSection>
      {manage && (
        <CardSection titleId="member-new-title" title={t('exercise.members.newTitle')}>
          <MemberForm key={round} member={null} accounts={accountList} testId="member" onSaved={() => setRound((r) => r + 1)} />
        </CardSection>
      )}
    </>
  );
}
