import { kitGaps } from '@cocrea/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { listMesas } from '../api/client';
import { linkMesa } from '../api/exercises';
import type { ExerciseMesa } from '../api/exerciseTypes';
import { CardSection } from '../ui/CardSection';
import { Field } from '../ui/Field';
import { useLoad } from '../ui/useLoad';
import { useExercise } from './ExerciseContext';
import { KitEditor } from './KitEditor';
import { Refusal } from './Refusal';
import { SectionGaps } from './SectionGaps';

/** Makes an existing mesa one of the exercise's mesas participativas. */
function LinkMesaForm({ linked }: { linked: ReadonlySet<string> }) {
  const { t } = useTranslation();
  const { view, actions, reload } = useExercise();
  const mesas = useLoad('mesas', listMesas);
  const [mesaId, setMesaId] = useState('');
  const free = mesas.state.phase === 'ready' ? mesas.state.data.filter((m) => !linked.has(m.id)) : [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void actions.run('mesa-link', () => linkMesa(view.exercise.id, mesaId)).then((r) => {
      if (!r) return;
      setMesaId('');
      reload();
    });
  };
  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <Field label={t('exercise.mesas.link')} hint={t('exercise.mesas.linkHint')}>
        <select value={mesaId} onChange={(e) => setMesaId(e.target.value)} data-testid="mesa-link-select" disabled={mesas.state.phase !== 'ready'}>
          <option value="">{free.length > 0 ? t('exercise.mesas.pick') : t('exercise.mesas.noneFree')}</option>
          {free.map((m) => (
            <option key={m.id} value={m.id}>
              {m.title}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" className="button" disabled={!mesaId || actions.busy !== null} data-testid="mesa-link-submit">
        {t('exercise.mesas.linkSubmit')}
      </button>
      <Refusal source="mesa-link" />
    </form>
  );
}

/** Where the mesa's kit stands, in words: published, complete, or how much it lacks. */
function KitBadge({ mesa }: { mesa: ExerciseMesa }) {
  const { t } = useTranslation();
  const gaps = kitGaps(mesa.kit).length;
  if (mesa.kit?.published) return <span className="badge badge--publicado">{t('exercise.kit.published')}</span>;
  if (gaps === 0) return <span className="badge badge--phase-completa">{t('exercise.kit.completeShort')}</span>;
  return <span className="badge badge--phase-pendiente">{t('exercise.kit.gapCount', { count: gaps })}</span>;
}

/** Phase 4, *mesas participativas*: the exercise's mesas, their finalized commitments and each kit para participante. */
export function MesasSection() {
  const { t } = useTranslation();
  const { view, manage } = useExercise();
  return (
    <>
      <SectionGaps phase="mesas" />
      <CardSection titleId="mesas-title" title={t('exercise.mesas.title')}>
        {view.mesas.length === 0 && <p className="muted">{t('exercise.mesas.none')}</p>}
        <ul className="item-list" data-testid="exercise-mesas">
          {view.mesas.map((m) => (
            <li key={m.id} className="item-list__item" data-testid="exercise-mesa" data-mesa-id={m.id}>
              <div className="row">
                <Link href={`/mesas/${encodeURIComponent(m.id)}`} className="entry__title">
                  {m.title}
                </Link>
                <span className="chip">{m.topic}</span>
                <span className={`badge${m.status === 'cerrada' ? ' badge--closed' : ''}`}>{m.status === 'cerrada' ? t('mesaControls.mesaClosed') : t('mesaControls.mesaOpen')}</span>
                <span className="muted small">{t('exercise.mesas.finalized', { count: m.finalizedCommitments })}</span>
                <KitBadge mesa={m} />
              </div>
              <details className="disclosure">
                <summary>{t('exercise.kit.title')}</summary>
                <KitEditor mesa={m} />
              </details>
            </li>
          ))}
        </ul>
        {manage && <LinkMesaForm linked={new Set(view.mesas.map((m) => m.id))} />}
      </CardSection>
    </>
  );
}
