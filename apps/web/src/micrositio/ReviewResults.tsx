import { QUALITY_CRITERIA, VALUE_CRITERIA, type FinalEvaluation, type SixMonthMonitoring } from '@cocrea/domain';
import { useTranslation } from 'react-i18next';
import { useFormats } from '../ui/useFormats';
import { ProgressBar } from './ProgressBar';

type WithStamp<T> = Omit<T, 'recorded'> & { recorded: { by: { name: string }; at: string } };

interface MonitoringProps {
  monitoring: WithStamp<SixMonthMonitoring>;
  /** Commitment titles by id, in the plan's order. */
  titles: ReadonlyMap<string, string>;
}

/**
 * The six-month monitoring as recorded: per commitment, the progress the tracking showed at the
 * cut-off date, quality and relevance criterion by criterion (verdict in words, with reasons),
 * the schedule and the recommendations.
 */
export function MonitoringResults({ monitoring: m, titles }: MonitoringProps) {
  const { t } = useTranslation();
  const f = useFormats();
  const order = [...titles.keys()];
  const rows = [...m.commitments].sort((a, b) => order.indexOf(a.commitmentId) - order.indexOf(b.commitmentId));
  return (
    <div className="stack" data-testid="monitoring-results">
      <p className="muted small">
        {t('micrositio.results.monitoringMeta', { cutoff: f.day(m.cutoffDate), by: m.conductedBy, recorded: f.dateTime(m.recorded.at) })}
      </p>
      {rows.map((c) => {
        const all = [...QUALITY_CRITERIA.map((k) => [k, c.quality[k]] as const), ...VALUE_CRITERIA.map((k) => [k, c.relevance[k]] as const)];
        const met = all.filter(([, v]) => v.verdict === 'cumple').length;
        return (
          <article key={c.commitmentId} className="review-result" data-testid="monitoring-commitment" data-commitment-id={c.commitmentId}>
            <h3 className="review-result__title">{titles.get(c.commitmentId) ?? c.commitmentId}</h3>
            <ProgressBar value={c.progress.percent} level={c.progress.level} label={t('micrositio.results.progressAtCutoff')} />
            <p className="small">
              <strong>{t('micrositio.results.schedule')}:</strong> {t(`exercise.eval.values.${c.schedule.value}`)} — {c.schedule.reasons}
            </p>
            <p className="small">{t('micrositio.results.criteriaMet', { met, total: all.length })}</p>
            <details className="disclosure">
              <summary>{t('micrositio.results.criteria')}</summary>
              <dl className="criteria-results">
                {all.map(([k, v]) => (
                  <div key={k} className={`criteria-results__row verdict--${v.verdict}`}>
                    <dt>{t(`criteria.${k}`)}</dt>
                    <dd>
                      <strong>{t(`verdict.${v.verdict}`)}</strong> — {v.reasons}
                    </dd>
                  </div>
                ))}
              </dl>
            </details>
            {c.recommendations && (
              <p className="small">
                <strong>{t('micrositio.results.recommendations')}:</strong> {c.recommendations}
              </p>
            )}
          </article>
        );
      })}
    </div>
  );
}

/** The domain names commitments by id ("Compromiso abc123: …"); people read their titles. */
export function withTitles(sentence: string, titles: ReadonlyMap<string, string>): string {
  let out = sentence;
  for (const [id, title] of titles) out = out.split(`Compromiso ${id}`).join(`«${title}»`);
  return out;
}

interface EvaluationProps {
  evaluation: WithStamp<FinalEvaluation>;
  titles: ReadonlyMap<string, string>;
  discrepancies: readonly string[];
}

/** The final evaluation as recorded: per commitment the IRM's four questions with reasons, and where it differs from the tracking. */
export function EvaluationResults({ evaluation: e, titles, discrepancies }: EvaluationProps) {
  const { t } = useTranslation();
  const f = useFormats();
  return (
    <div className="stack" data-testid="evaluation-results">
      <p className="muted small">{t('micrositio.results.evaluationMeta', { date: f.day(e.date), by: e.conductedBy })}</p>
      {e.summary && <p>{e.summary}</p>}
      {e.commitments.map((c) => (
        <article key={c.commitmentId} className="review-result" data-testid="evaluation-commitment">
          <h3 className="review-result__title">{titles.get(c.commitmentId) ?? c.commitmentId}</h3>
          <dl className="criteria-results">
            <div className="criteria-results__row">
              <dt>{t('exercise.eval.verifiable')}</dt>
              <dd>
                <strong>{c.verifiable.value ? t('exercise.eval.yes') : t('exercise.eval.no')}</strong> — {c.verifiable.reasons}
              </dd>
            </div>
            <div className="criteria-results__row">
              <dt>{t('exercise.eval.potential')}</dt>
              <dd>
                <strong>{t(`exercise.eval.values.${c.potentialForResults.value}`)}</strong> — {c.potentialForResults.reasons}
              </dd>
            </div>
            <div className="criteria-results__row">
              <dt>{t('exercise.eval.completion')}</dt>
              <dd>
                <strong>{t(`micrositio.level.${c.completion.value}`)}</strong> — {c.completion.reasons}
              </dd>
            </div>
            <div className="criteria-results__row">
              <dt>{t('exercise.eval.opened')}</dt>
              <dd>
                <strong>{t(`exercise.eval.values.${c.openedGovernment.value}`)}</strong> — {c.openedGovernment.reasons}
              </dd>
            </div>
          </dl>
        </article>
      ))}
      {discrepancies.length > 0 && (
        <div className="notice">
          <p>{t('micrositio.results.discrepancies')}</p>
          <ul>
            {discrepancies.map((d) => (
              <li key={d}>{withTitles(d, titles)}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
