import { KIT_MOMENTS, kitGaps, type DocumentRef, type KitMoment } from '@cocrea/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { addKitItem, exerciseFileUrl, publishKit, saveKitFraming } from '../api/exercises';
import type { ExerciseMesa } from '../api/exerciseTypes';
import { Field } from '../ui/Field';
import { DocumentLink } from './DocumentLink';
import { DocumentPicker } from './DocumentPicker';
import { useExercise } from './ExerciseContext';
import { GapList } from './GapList';
import { KitView } from './KitView';
import { Refusal } from './Refusal';

/** The framing of a mesa's kit: the public problem and the consultation it comes from. */
function FramingForm({ mesa }: { mesa: ExerciseMesa }) {
  const { t } = useTranslation();
  const { view, actions, reload } = useExercise();
  const kit = mesa.kit;
  const [problem, setProblem] = useState(kit?.publicProblem ?? '');
  const [title, setTitle] = useState(kit?.consultation?.title ?? '');
  const [date, setDate] = useState(kit?.consultation?.date ?? '');
  const [document, setDocument] = useState<DocumentRef | null>(kit?.consultation?.document ?? null);
  const source = `kit-framing-${mesa.id}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const consultation = title.trim() ? { title, date: date || null, document } : null;
    void actions.run(source, () => saveKitFraming(mesa.id, { publicProblem: problem, consultation })).then((r) => r !== undefined && reload());
  };
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <Field label={t('exercise.kit.problem')}>
        <textarea rows={3} value={problem} maxLength={2000} onChange={(e) => setProblem(e.target.value)} data-testid="kit-problem" />
      </Field>
      <div className="fields-2">
        <Field label={t('exercise.kit.consultation')}>
          <input value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} data-testid="kit-consultation" />
        </Field>
        <Field label={t('exercise.kit.consultationDate')} optional>
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} data-testid="kit-consultation-date" />
        </Field>
      </div>
      <DocumentPicker exerciseId={view.exercise.id} value={document} onChange={setDocument} testId="kit-consultation-doc" label={t('exercise.kit.consultationDoc')} />
      <div className="action-row">
        <button type="submit" className="button" disabled={actions.busy !== null} data-testid="kit-framing-save">
          {t('exercise.kit.saveFraming')}
        </button>
      </div>
      <Refusal source={source} />
    </form>
  );
}

/** Adds one document to the kit, for before or during the session. */
function ItemForm({ mesa }: { mesa: ExerciseMesa }) {
  const { t } = useTranslation();
  const { view, actions, reload } = useExercise();
  const [round, setRound] = useState(0);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [moment, setMoment] = useState<KitMoment>('antes');
  const [document, setDocument] = useState<DocumentRef | null>(null);
  const source = `kit-item-${mesa.id}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!document) return;
    void actions.run(source, () => addKitItem(mesa.id, { title, description, moment, document })).then((r) => {
      if (r === undefined) return;
      setTitle('');
      setDescription('');
      setDocument(null);
      setRound((x) => x + 1);
      reload();
    });
  };
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <div className="fields-2">
        <Field label={t('exercise.kit.itemTitle')}>
          <input value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} data-testid="kit-item-title" />
        </Field>
        <Field label={t('exercise.kit.moment')}>
          <select value={moment} onChange={(e) => setMoment(e.target.value as KitMoment)} data-testid="kit-item-moment">
            {KIT_MOMENTS.map((m) => (
              <option key={m} value={m}>
                {t(`exercise.kit.moments.${m}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field label={t('exercise.kit.itemDescription')} optional>
        <input value={description} maxLength={2000} onChange={(e) => setDescription(e.target.value)} data-testid="kit-item-description" />
      </Field>
      <DocumentPicker key={round} exerciseId={view.exercise.id} value={document} onChange={setDocument} testId="kit-item-doc" label={t('exercise.kit.itemDoc')} />
      <div className="action-row">
        <button type="submit" className="button" disabled={actions.busy !== null || !document || !title.trim()} data-testid="kit-item-add">
          {t('exercise.kit.addItem')}
        </button>
      </div>
      <Refusal source={source} />
    </form>
  );
}

/** A mesa's kit para participante: what it lacks, how participants see it, and (staff) the forms to complete and publish it. */
export function KitEditor({ mesa }: { mesa: ExerciseMesa }) {
  const { t } = useTranslation();
  const { view, manage, actions, reload } = useExercise();
  const gaps = kitGaps(mesa.kit);
  const source = `kit-publish-${mesa.id}`;
  const publish = () => void actions.run(source, () => publishKit(mesa.id)).then((r) => r && reload());
  return (
    <div className="stack">
      <GapList gaps={gaps} testId="kit-gaps" done={t('exercise.kit.complete')} />
      {mesa.kit && <KitView kit={mesa.kit} headingLevel="h4" link={(d) => <DocumentLink doc={d} href={d.kind === 'archivo' ? exerciseFileUrl(view.exercise.id, d) : d.url} />} />}
      <div className="row">
        <Link href={`/mesas/${encodeURIComponent(mesa.id)}/kit`} className="button button--small">
          {t('exercise.kit.asParticipant')}
        </Link>
        {mesa.kit?.published ? (
          <span className="badge badge--publicado">{t('exercise.kit.published')}</span>
        ) : (
          manage && (
            <button type="button" className="button button--small button--primary" disabled={actions.busy !== null} onClick={publish} data-testid="kit-publish">
              {t('exercise.kit.publish')}
            </button>
          )
        )}
      </div>
      <Refusal source={source} />
      {manage && (
        <>
          <details className="disclosure">
            <summary>{t('exercise.kit.framingTitle')}</summary>
            <FramingForm mesa={mesa} />
          </details>
          <details className="disclosure">
            <summary>{t('exercise.kit.itemsTitle')}</summary>
            <ItemForm mesa={mesa} />
          </details>
        </>
      )}
    </div>
  );
}
