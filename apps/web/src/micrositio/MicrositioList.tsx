import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { listPublicExercises } from '../api/exercises';
import { LoadErrorAlert } from '../ui/LoadErrorAlert';
import { useFormats } from '../ui/useFormats';
import { useLoad } from '../ui/useLoad';

/** The published micrositios: municipality, exercise, period and the phase it is in. */
export function MicrositioList() {
  const { t } = useTranslation();
  const f = useFormats();
  const loader = useLoad('public-exercises', listPublicExercises);
  const { state } = loader;
  if (state.phase === 'loading') return <p className="muted">{t('micrositio.loadingList')}</p>;
  if (state.phase === 'error') return <LoadErrorAlert error={state.error} onRetry={loader.reload} />;
  if (state.data.length === 0) return <p className="muted">{t('micrositio.empty')}</p>;
  return (
    <ul className="item-list">
      {state.data.map((e) => (
        <li key={e.id}>
          <Link href={`/micrositio/${encodeURIComponent(e.id)}`} className="item-link" data-testid="micrositio-item" data-id={e.id}>
            <span className="item-link__title">{e.title}</span>
            <span className="item-link__meta">
              <span className="chip">{e.municipality}</span>
              <span className="muted">{t('exercise.period', { from: f.day(e.period.startDate), to: f.day(e.period.endDate) })}</span>
              {e.stage && <span className="badge">{e.stage === 'concluido' ? t('exercise.phase.concluded') : t(`exercise.phasesShort.${e.stage}`)}</span>}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
