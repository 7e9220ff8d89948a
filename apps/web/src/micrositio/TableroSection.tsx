import { useTranslation } from 'react-i18next';
import type { Tablero } from '../api/exerciseTypes';
import { DocumentLink } from '../exercise/DocumentLink';
import { useFormats } from '../ui/useFormats';
import { PlanProgressSummary } from './PlanProgressSummary';
import { ProgressBar } from './ProgressBar';

/**
 * The *tablero de seguimiento*: the PAM's progress, a bar per commitment, and per commitment a bar
 * per activity with its status, dates and evidence. Bars are CSS; every figure, level and status
 * is printed as text beside its bar.
 */
export function TableroSection({ tablero }: { tablero: Tablero }) {
  const { t } = useTranslation();
  const f = useFormats();
  const statuses = tablero.commitments.flatMap((c) => c.activities.map((a) => a.status));
  return (
    <div className="stack-lg" data-testid="tablero">
      <PlanProgressSummary progress={tablero.progress} level={tablero.level} statuses={statuses} />
      <figure className="chart" data-testid="commitment-chart">
        <figcaption className="chart__caption">{t('micrositio.tablero.byCommitment')}</figcaption>
        <ol className="bars">
          {tablero.commitments.map((c, i) => (
            <li key={c.commitmentId} className="bars__row" data-testid="commitment-bar" data-commitment-id={c.commitmentId}>
              <a className="bars__label" href={`#tablero-${c.commitmentId}`}>
                {i + 1}. {c.title}
              </a>
              <ProgressBar value={c.progress} level={c.level} label={t('micrositio.tablero.commitmentProgress', { n: i + 1 })} />
            </li>
          ))}
        </ol>
      </figure>
      {tablero.commitments.map((c, i) => (
        <section key={c.commitmentId} id={`tablero-${c.commitmentId}`} className="tablero-commitment stack" aria-labelledby={`tc-title-${c.commitmentId}`} data-testid="tablero-commitment" data-commitment-id={c.commitmentId}>
          <h3 id={`tc-title-${c.commitmentId}`}>
            {t('public.commitmentN', { n: i + 1 })}: {c.title}
          </h3>
          <p className="muted small">
            {t('micrositio.tablero.commitmentMeta', { count: c.evidence })}
            {c.lastEvidenceDate && ` · ${t('micrositio.tablero.lastEvidence', { date: f.day(c.lastEvidenceDate) })}`}
          </p>
          <figure className="chart">
            <figcaption className="chart__caption">{t('micrositio.tablero.byActivity')}</figcaption>
            <ol className="bars">
              {c.activities.map((a) => (
                <li key={a.id} className="bars__row bars__row--activity" data-testid="activity-bar" data-activity-id={a.id} data-status={a.status} data-progress={a.progress}>
                  <div className="bars__label">
                    <span>
                      {a.number}. {a.description}
                    </span>
                    <span className="muted small">
                      {a.responsible} · {t('public.fromTo', { from: f.day(a.startDate), to: f.day(a.endDate) })}
                      {a.late && <span className="badge badge--late">{t('micrositio.late')}</span>}
                    </span>
                  </div>
                  <ProgressBar value={a.progress} status={a.status} label={t('micrositio.tablero.activityProgress', { n: a.number })} />
                  {a.evidence.length > 0 && (
                    <details className="disclosure bars__evidence">
                      <summary>{t('exercise.tracking.evidence', { count: a.evidence.length })}</summary>
                      <ul className="evidence-list evidence-list--compact">
                        {a.evidence.map((e) => (
                          <li key={e.id} className="evidence-list__item">
                            <span className="muted small">
                              {f.day(e.date)} · {e.meansOfVerification}
                            </span>
                            <DocumentLink doc={e.document} href={e.document.url} testId="tablero-evidence" />
                          </li>
                        ))}
                      </ul>
                    </details>
                  )}
                </li>
              ))}
            </ol>
          </figure>
        </section>
      ))}
    </div>
  );
}
