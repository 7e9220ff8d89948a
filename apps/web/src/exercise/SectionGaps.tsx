import type { ExercisePhase } from '@cocrea/domain';
import { useTranslation } from 'react-i18next';
import { useExercise } from './ExerciseContext';
import { GapList } from './GapList';
import { phaseStatus } from './phaseState';

/** What the section's phase still lacks, at the top of the section, with the phase's state in words. */
export function SectionGaps({ phase }: { phase: ExercisePhase }) {
  const { t } = useTranslation();
  const { view } = useExercise();
  const p = view.overview.phases.find((x) => x.phase === phase);
  if (!p) return null;
  const status = phaseStatus(p, view.overview.stage);
  return (
    <section className={`card stack section-gaps section-gaps--${status}`} aria-labelledby={`gaps-${phase}`} data-testid="section-gaps" data-phase={phase}>
      <div className="row">
        <h2 id={`gaps-${phase}`} className="section-gaps__title">
          {t('exercise.phase.numbered', { n: p.number, label: t(`exercise.phases.${phase}`) })}
        </h2>
        <span className={`badge badge--phase-${status}`}>{t(`exercise.phase.status.${status}`)}</span>
        {p.late && <span className="badge badge--late">{t('exercise.phase.late')}</span>}
      </div>
      <p className="muted small">{t(`exercise.phaseIntro.${phase}`)}</p>
      <GapList gaps={p.gaps} testId={`gaps-${phase}`} />
    </section>
  );
}
