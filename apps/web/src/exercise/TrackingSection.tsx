import { useTranslation } from 'react-i18next';
import { PlanProgressSummary } from '../micrositio/PlanProgressSummary';
import { ProgressBar } from '../micrositio/ProgressBar';
import { CardSection } from '../ui/CardSection';
import { useFormats } from '../ui/useFormats';
import { ActivityCard } from './ActivityCard';
import { useExercise } from './ExerciseContext';
import { SectionGaps } from './SectionGaps';

/**
 * Phase 6, *seguimiento*: for each commitment of the published PAM, its activities with status,
 * progress and dated evidence; progress rolls up to the commitment and the PAM, with OGP levels.
 */
export function TrackingSection() {
  const { t } = useTranslation();
  const f = useFormats();
  const { view } = useExercise();
  const { pam, commitments, tracking, progress } = view;
  const published = pam?.status === 'publicado';
  const started = published && pam.launchDate !== null && pam.launchDate <= view.today;
  return (
    <>
      <SectionGaps phase="seguimiento" />
      {!pam || !published ? (
        <section className="card">
          <p className="muted">{t('exercise.tracking.notYet')}</p>
        </section>
      ) : (
        <>
          {!started && pam.launchDate && <p className="notice">{t('exercise.tracking.startsOn', { date: f.day(pam.launchDate) })}</p>}
          {progress && (
            <CardSection titleId="plan-progress-title" title={t('micrositio.tablero.planTitle')}>
              <PlanProgressSummary progress={progress.progress} level={progress.level} statuses={commitments.flatMap((v) => v.content.roadmap.activities.map((a) => tracking.find((x) => x.commitmentId === v.content.commitment.id && x.activityId === a.id)?.status ?? 'no_iniciada'))} />
            </CardSection>
          )}
          {commitments.map((v, i) => {
            const c = v.content.commitment;
            const cp = progress?.commitments.find((x) => x.commitmentId === c.id);
            return (
              <section key={c.id} className="card stack" aria-labelledby={`tc-${c.id}`} data-testid="tracking-commitment" data-commitment-id={c.id}>
                <p className="eyebrow">{t('public.commitmentN', { n: i + 1 })}</p>
                <h2 id={`tc-${c.id}`}>{c.title}</h2>
                <ProgressBar value={cp?.progress ?? 0} level={cp?.level ?? 'no_iniciado'} label={t('micrositio.tablero.commitmentProgress', { n: i + 1 })} testId="commitment-progress" />
                <p className="muted small">{t('exercise.tracking.meansList', { list: v.content.roadmap.meansOfVerification.join('; ') })}</p>
                <ol className="activities">
                  {v.content.roadmap.activities.map((a, j) => (
                    <ActivityCard
                      key={a.id}
                      planId={pam.id}
                      commitmentId={c.id}
                      activity={a}
                      number={j + 1}
                      tracking={tracking.find((x) => x.commitmentId === c.id && x.activityId === a.id) ?? null}
                      means={v.content.roadmap.meansOfVerification}
                      open={started}
                    />
                  ))}
                </ol>
              </section>
            );
          })}
        </>
      )}
    </>
  );
}
