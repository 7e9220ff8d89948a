import { useTranslation } from 'react-i18next';

/** The live checklist of what the roadmap still lacks before it can be finalized (see `useRoadmapProblems`). */
export function MissingChecklist({ problems }: { problems: string[] }) {
  const { t } = useTranslation();
  return (
    <section className={`checklist${problems.length === 0 ? ' checklist--done' : ''}`} data-testid="missing-checklist" data-count={problems.length} aria-labelledby="checklist-title">
      <h3 id="checklist-title" className="checklist__title">
        {problems.length === 0 ? t('checklist.complete') : t('checklist.missing', { count: problems.length })}
      </h3>
      {problems.length > 0 && (
        <ul className="checklist__items">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
