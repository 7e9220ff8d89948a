import type { Activity as RoadmapActivity, ActivityTracking } from '@cocrea/domain';
import { useTranslation } from 'react-i18next';
import { exerciseFileUrl } from '../api/exercises';
import { ProgressBar } from '../micrositio/ProgressBar';
import { useFormats } from '../ui/useFormats';
import { DocumentLink } from './DocumentLink';
import { useExercise } from './ExerciseContext';
import { ProgressForm } from './ProgressForm';

interface Props {
  planId: string;
  commitmentId: string;
  activity: RoadmapActivity;
  number: number;
  tracking: ActivityTracking | null;
  means: readonly string[];
  /** Reports are taken once the PAM is published. */
  open: boolean;
}

/** One activity of a commitment: dates, status and progress, its dated evidence and history, and (staff) the report form. */
export function ActivityCard({ planId, commitmentId, activity: a, number, tracking, means, open }: Props) {
  const { t } = useTranslation();
  const f = useFormats();
  const { view, manage } = useExercise();
  const status = tracking?.status ?? 'no_iniciada';
  const late = a.endDate < view.today && status !== 'concluida' && status !== 'cancelada';
  const testId = `activity-${a.id}`;
  return (
    <li className="activity" data-testid="activity" data-activity-id={a.id} data-status={status} data-progress={tracking?.progress ?? 0}>
      <div className="activity__head">
        <span className="activity__n" aria-hidden="true">
          {number}
        </span>
        <div className="activity__main">
          <p className="activity__title">
            <span className="visually-hidden">{t('exercise.tracking.activityN', { n: number })}: </span>
            {a.description}
          </p>
          <p className="muted small">
            {a.responsible} · {t('public.fromTo', { from: f.day(a.startDate), to: f.day(a.endDate) })}
            {late && <span className="badge badge--late">{t('micrositio.late')}</span>}
          </p>
        </div>
      </div>
      <ProgressBar value={tracking?.progress ?? 0} status={status} label={t('exercise.tracking.activityProgress', { n: number })} testId="activity-progress" />
      {tracking && tracking.evidence.length > 0 && (
        <details className="disclosure" data-testid="activity-evidence-box">
          <summary>{t('exercise.tracking.evidence', { count: tracking.evidence.length })}</summary>
          <ul className="evidence-list" data-testid="activity-evidence">
            {tracking.evidence.map((e) => (
              <li key={e.id} className="evidence-list__item">
                <span className="muted small">
                  {f.day(e.date)} · {e.meansOfVerification}
                </span>
                <span>{e.description}</span>
                <DocumentLink doc={e.document} href={e.document.kind === 'archivo' ? exerciseFileUrl(view.exercise.id, e.document) : e.document.url} testId="evidence-doc" />
              </li>
            ))}
          </ul>
        </details>
      )}
      {tracking && tracking.history.length > 0 && (
        <details className="disclosure">
          <summary>{t('exercise.tracking.history', { count: tracking.history.length })}</summary>
          <ol className="history">
            {tracking.history.map((h, i) => (
              <li key={i}>
                {h.status === 'cancelada' ? t('exercise.tracking.cancelled') : t('exercise.tracking.step', { from: h.from, to: h.to })}
                {h.evidenceIds.length > 0 && ` · ${t('exercise.tracking.withEvidence', { count: h.evidenceIds.length })}`}
                {h.note && <span className="muted"> — {h.note}</span>}
                <span className="muted small"> · {f.stamp(h.stamp)}</span>
              </li>
            ))}
          </ol>
        </details>
      )}
      {manage && open && status !== 'cancelada' && (
        <details className="disclosure disclosure--action">
          <summary data-testid={`${testId}-report`}>{t('exercise.tracking.report')}</summary>
          <ProgressForm planId={planId} commitmentId={commitmentId} activityId={a.id} tracking={tracking} means={means} testId={testId} />
        </details>
      )}
    </li>
  );
}
