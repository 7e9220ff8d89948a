import { MEMBER_KINDS, PARTICIPANT_SECTORS, type MemberKind, type ParticipantSector } from '@cocrea/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../api/accountTypes';
import { saveMember } from '../api/exercises';
import type { StaffMember } from '../api/exerciseTypes';
import { Field } from '../ui/Field';
import { useExercise } from './ExerciseContext';
import { Refusal } from './Refusal';

interface Props {
  member: StaffMember | null;
  /** Accounts that may act as an integrante (to approve the PAM for a seat); `null` while loading. */
  accounts: Account[] | null;
  testId: string;
  onSaved?: () => void;
}

/**
 * Registers an integrante or corrects one: a person or an organisation, sector, organisation and
 * position, private contact, when and at which event they joined, and the cocrea account that acts
 * as them (an STM seat holder approves the PAM through it).
 */
export function MemberForm({ member, accounts, testId, onSaved }: Props) {
  const { t } = useTranslation();
  const { view, actions, reload } = useExercise();
  const [kind, setKind] = useState<MemberKind>(member?.kind ?? 'persona');
  const [name, setName] = useState(member?.name ?? '');
  const [sector, setSector] = useState<ParticipantSector>(member?.sector ?? 'sociedad_civil');
  const [organization, setOrganization] = useState(member?.organization ?? '');
  const [position, setPosition] = useState(member?.position ?? '');
  const [email, setEmail] = useState(member?.contact.email ?? '');
  const [phone, setPhone] = useState(member?.contact.phone ?? '');
  const [joinedOn, setJoinedOn] = useState(member?.joinedOn ?? view.today);
  const [eventId, setEventId] = useState(member?.joinedAtEventId ?? '');
  const [accountId, setAccountId] = useState(member?.accountId ?? '');
  const source = `${testId}-save`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = { kind, name, sector, organization, position, contact: { email, phone }, joinedOn, joinedAtEventId: eventId || null, accountId: accountId || null };
    void actions.run(source, () => saveMember(view.exercise.id, member?.id ?? null, input)).then((r) => {
      if (!r) return;
      reload();
      onSaved?.();
    });
  };
  return (
    <form className="stack" onSubmit={submit} noValidate data-testid={`${testId}-form`}>
      <div className="fields-3">
        <Field label={t('exercise.members.kind')}>
          <select value={kind} onChange={(e) => setKind(e.target.value as MemberKind)} data-testid={`${testId}-kind`}>
            {MEMBER_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`exercise.members.kinds.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={kind === 'persona' ? t('exercise.members.personName') : t('exercise.members.orgName')}>
          <input value={name} maxLength={160} onChange={(e) => setName(e.target.value)} data-testid={`${testId}-name`} />
        </Field>
        <Field label={t('exercise.members.sector')}>
          <select value={sector} onChange={(e) => setSector(e.target.value as ParticipantSector)} data-testid={`${testId}-sector`}>
            {PARTICIPANT_SECTORS.map((s) => (
              <option key={s} value={s}>
                {t(`sectors.${s}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {kind === 'persona' && (
        <div className="fields-2">
          <Field label={t('exercise.members.organization')} optional>
            <input value={organization} maxLength={160} onChange={(e) => setOrganization(e.target.value)} data-testid={`${testId}-organization`} />
          </Field>
          <Field label={t('exercise.members.position')} optional>
            <input value={position} maxLength={160} onChange={(e) => setPosition(e.target.value)} data-testid={`${testId}-position`} />
          </Field>
        </div>
      )}
      <div className="fields-2">
        <Field label={t('exercise.members.email')} optional hint={t('exercise.members.contactHint')}>
          <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} data-testid={`${testId}-email`} />
        </Field>
        <Field label={t('exercise.members.phone')} optional>
          <input type="tel" value={phone} maxLength={40} onChange={(e) => setPhone(e.target.value)} data-testid={`${testId}-phone`} />
        </Field>
      </div>
      <div className="fields-3">
        <Field label={t('exercise.members.joinedOn')}>
          <input type="date" value={joinedOn} onChange={(e) => setJoinedOn(e.target.value)} data-testid={`${testId}-joined-on`} />
        </Field>
        <Field label={t('exercise.members.event')} optional>
          <select value={eventId} onChange={(e) => setEventId(e.target.value)} data-testid={`${testId}-event`}>
            <option value="">{t('exercise.members.noEvent')}</option>
            {view.exercise.awarenessEvents.map((ev) => (
              <option key={ev.id} value={ev.id}>
                {ev.title}
              </option>
            ))}
          </select>
        </Field>
        {kind === 'persona' && (
          <Field label={t('exercise.members.account')} optional hint={t('exercise.members.accountHint')}>
            <select value={accountId} onChange={(e) => setAccountId(e.target.value)} data-testid={`${testId}-account`} disabled={accounts === null}>
              <option value="">{t('exercise.members.noAccount')}</option>
              {(accounts ?? [])
                .filter((a) => !a.disabled)
                .map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name} · {a.email} ({t(`roles.${a.role}`)})
                  </option>
                ))}
            </select>
          </Field>
        )}
      </div>
      <div className="action-row">
        <button type="submit" className="button button--primary" disabled={actions.busy !== null} data-testid={source}>
          {member ? t('exercise.members.save') : t('exercise.members.add')}
        </button>
      </div>
      <Refusal source={source} />
    </form>
  );
}
