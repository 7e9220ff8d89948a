import { useTranslation } from 'react-i18next';
import type { PublicAwarenessEvent, PublicEvent, PublicExerciseView, PublicPerson } from '../api/exerciseTypes';
import { DocumentLink } from '../exercise/DocumentLink';
import { useFormats } from '../ui/useFormats';

/** The signed Declaración Conjunta: where, who signed for which sector and when, and the document. */
export function DeclarationPublic({ declaration }: { declaration: NonNullable<PublicExerciseView['declaration']> }) {
  const { t } = useTranslation();
  const f = useFormats();
  return (
    <div className="stack" data-testid="public-declaration">
      {declaration.place && <p>{t('micrositio.declaration.place', { place: declaration.place })}</p>}
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{t('micrositio.declaration.signatories')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('exercise.declaration.name')}</th>
              <th scope="col">{t('exercise.declaration.role')}</th>
              <th scope="col">{t('exercise.declaration.sector')}</th>
              <th scope="col">{t('exercise.declaration.signedOn')}</th>
            </tr>
          </thead>
          <tbody>
            {declaration.signatories.map((s, i) => (
              <tr key={i} data-testid="public-signatory" data-sector={s.sector}>
                <td>{s.name}</td>
                <td>
                  {s.role}, {s.organization}
                </td>
                <td>{t(`sectors.${s.sector}`)}</td>
                <td>{f.day(s.signedOn)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {declaration.document ? (
        <DocumentLink doc={declaration.document} href={declaration.document.url} testId="public-declaration-doc" />
      ) : (
        <p className="muted">{t('micrositio.declaration.noDocument')}</p>
      )}
    </div>
  );
}

function Person({ p }: { p: PublicPerson | null }) {
  const { t } = useTranslation();
  if (!p) return <span className="muted">{t('micrositio.stm.vacant')}</span>;
  return (
    <span className="person">
      <strong>{p.name}</strong>
      {(p.position || p.organization) && <span className="muted small">{[p.position, p.organization].filter(Boolean).join(', ')}</span>}
    </span>
  );
}

/** The STM as elected: each sector's titular and suplente, the facilitator, and its rules and annual agenda. */
export function StmPublic({ stm }: { stm: PublicExerciseView['stm'] }) {
  const { t } = useTranslation();
  const f = useFormats();
  return (
    <div className="stack" data-testid="public-stm">
      <p className="muted">
        {stm.installedOn ? t('micrositio.stm.installed', { date: f.day(stm.installedOn) }) : t('micrositio.stm.notInstalled')}
        {' · '}
        {stm.complete ? t('micrositio.stm.complete') : t('micrositio.stm.incomplete')}
      </p>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{t('micrositio.stm.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('exercise.members.sector')}</th>
              <th scope="col">{t('exercise.stm.capacity.titular')}</th>
              <th scope="col">{t('exercise.stm.capacity.suplente')}</th>
            </tr>
          </thead>
          <tbody>
            {stm.seats.map((s) => (
              <tr key={s.id} data-testid="public-seat" data-sector={s.sector}>
                <th scope="row">{t(`sectors.${s.sector}`)}</th>
                <td>
                  <Person p={s.titular} />
                </td>
                <td>
                  <Person p={s.suplente} />
                </td>
              </tr>
            ))}
            <tr data-testid="public-facilitator">
              <th scope="row">{t('exercise.stm.facilitator')}</th>
              <td colSpan={2}>
                <Person p={stm.facilitator} />
              </td>
            </tr>
          </tbody>
        </table>
      </div>
      <div className="row">
        {stm.governanceRules && <DocumentLink doc={stm.governanceRules} href={stm.governanceRules.url} testId="public-stm-rules" />}
        {stm.annualAgenda && <DocumentLink doc={stm.annualAgenda} href={stm.annualAgenda.url} testId="public-stm-agenda" />}
      </div>
    </div>
  );
}

function EventItem({ e, kind }: { e: PublicEvent | PublicAwarenessEvent; kind: string }) {
  const { t } = useTranslation();
  const f = useFormats();
  const a = 'convenedBy' in e ? e : null;
  return (
    <li className="item-list__item" data-testid="public-event" data-kind={kind}>
      <div className="row">
        <span className="badge">{t(`micrositio.events.kind.${kind}`)}</span>
        <strong>{e.title}</strong>
        <span className="muted">{f.day(e.date)}</span>
      </div>
      {(e.place || e.description) && <p className="small">{[e.place, e.description].filter(Boolean).join(' — ')}</p>}
      {a && (
        <p className="muted small">
          {t('micrositio.events.awareness', { by: a.convenedBy, attendance: a.attendance ?? 0, joined: a.joinedCount })}
          {a.audience.length > 0 && ` · ${a.audience.map((s) => t(`sectors.${s}`)).join(', ')}`}
        </p>
      )}
      {e.evidence.length > 0 && (
        <div className="row">
          {e.evidence.map((d) => (
            <DocumentLink key={d.url} doc={d} href={d.url} />
          ))}
        </div>
      )}
    </li>
  );
}

/** The exercise's events in order: the launch forum, the sensibilización events, the PAM's public launch. */
export function EventsPublic({ view }: { view: PublicExerciseView }) {
  const { t } = useTranslation();
  const all = [
    ...(view.launchForum ? [{ e: view.launchForum, kind: 'foro_arranque' }] : []),
    ...view.awarenessEvents.map((e) => ({ e, kind: 'sensibilizacion' })),
    ...(view.planLaunchEvent ? [{ e: view.planLaunchEvent, kind: 'lanzamiento_pam' }] : []),
  ].sort((a, b) => a.e.date.localeCompare(b.e.date));
  if (all.length === 0) return <p className="muted">{t('micrositio.events.none')}</p>;
  return (
    <ul className="item-list" data-testid="public-events">
      {all.map(({ e, kind }) => (
        <EventItem key={e.id} e={e} kind={kind} />
      ))}
    </ul>
  );
}
