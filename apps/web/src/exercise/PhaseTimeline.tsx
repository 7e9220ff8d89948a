import type { ExerciseStage, PhaseState } from '@cocrea/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useFormats } from '../ui/useFormats';
import { GapList } from './GapList';
import { phaseStatus } from './phaseState';

interface Props {
  phases: PhaseState[];
  stage: ExerciseStage;
  /** Where each phase is worked on (facilitators); none on the micrositio. */
  hrefOf?: (p: PhaseState) => string;
  /** Heading level of each phase's title. */
  headingLevel?: 'h2' | 'h3';
}

/**
 * The six phases of the exercise at a glance: the current one highlighted and named in words,
 * each with its planned end and what it still lacks (the domain's sentences). States are written
 * out, not only coloured.
 */
export function PhaseTimeline({ phases, stage, hrefOf, headingLevel = 'h3' }: Props) {
  const { t } = useTranslation();
  const f = useFormats();
  const H = headingLevel;
  const current = phases.find((p) => p.phase === stage);
  return (
    <div className="stack">
      <p className="phase-stage" data-testid="exercise-stage" data-stage={stage}>
        {current ? t('exercise.phase.currentIs', { n: current.number, label: t(`exercise.phases.${current.phase}`) }) : t('exercise.phase.concluded')}
      </p>
      <ol className="phases" data-testid="phase-timeline" aria-label={t('exercise.phase.timeline')}>
        {phases.map((p) => {
          const status = phaseStatus(p, stage);
          return (
            <li
              key={p.phase}
              className={`phase phase--${status}${p.late ? ' phase--late' : ''}`}
              data-testid="phase"
              data-phase={p.phase}
              data-status={status}
              data-gaps={p.gaps.length}
              aria-current={status === 'actual' ? 'step' : undefined}
            >
              <div className="phase__head">
                <span className="phase__n" aria-hidden="true">
                  {status === 'completa' ? '✓' : p.number}
                </span>
                <H className="phase__title">
                  <span className="visually-hidden">{t('exercise.phase.number', { n: p.number })} </span>
                  {t(`exercise.phases.${p.phase}`)}
                </H>
              </div>
              <p className="phase__state">
                <span className={`badge badge--phase-${status}`}>{t(`exercise.phase.status.${status}`)}</span>
                {p.gaps.length > 0 && <span className="muted"> {t('exercise.phase.gapCount', { count: p.gaps.length })}</span>}
                {p.late && <span className="badge badge--late">{t('exercise.phase.late')}</span>}
              </p>
              {p.plannedEnd && <p className="phase__planned muted">{t('exercise.phase.plannedEnd', { date: f.day(p.plannedEnd) })}</p>}
              {status === 'por_venir' && p.gaps.length > 0 ? (
                // Phases ahead keep their list folded, so the current one stays in view on a phone.
                <details className="disclosure">
                  <summary>{t('exercise.phase.showGaps')}</summary>
                  <GapList gaps={p.gaps} testId="phase-gaps" />
                </details>
              ) : (
                <GapList gaps={p.gaps} testId="phase-gaps" />
              )}
              {hrefOf && (
                <Link href={hrefOf(p)} className="phase__link" data-testid={`phase-link-${p.phase}`}>
                  {t('exercise.phase.open', { label: t(`exercise.phasesShort.${p.phase}`) })}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

/** The six phases in one line (every section of the facilitator's pages): number, short name, state. */
export function PhaseStrip({ phases, stage, hrefOf }: { phases: PhaseState[]; stage: ExerciseStage; hrefOf: (p: PhaseState) => string }) {
  const { t } = useTranslation();
  return (
    <ol className="phase-strip" aria-label={t('exercise.phase.timeline')} data-testid="phase-strip">
      {phases.map((p) => {
        const status = phaseStatus(p, stage);
        return (
          <li key={p.phase} className={`phase-strip__item phase-strip__item--${status}`} data-phase={p.phase} data-status={status} aria-current={status === 'actual' ? 'step' : undefined}>
            <Link href={hrefOf(p)} className="phase-strip__link" title={t(`exercise.phases.${p.phase}`)}>
              <span className="phase-strip__n" aria-hidden="true">
                {status === 'completa' ? '✓' : p.number}
              </span>
              <span className="phase-strip__label">{t(`exercise.phasesShort.${p.phase}`)}</span>
              <span className="visually-hidden">
                {' '}
                — {t(`exercise.phase.status.${status}`)}
                {p.gaps.length > 0 ? `, ${t('exercise.phase.gapCount', { count: p.gaps.length })}` : ''}
              </span>
            </Link>
          </li>
        );
      })}
    </ol>
  );
}
