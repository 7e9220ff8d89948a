import { useTranslation } from 'react-i18next';
import { CardSection } from '../ui/CardSection';
import { SectionGaps } from './SectionGaps';
import { StmEditor } from './StmEditor';

/** Phase 3, *integración del STM*: who sits for each sector, the facilitator, rules and agenda. */
export function StmSection() {
  const { t } = useTranslation();
  return (
    <>
      <SectionGaps phase="integracion_stm" />
      <CardSection titleId="stm-title" title={t('exercise.stm.title')}>
        <p className="muted small">{t('exercise.stm.intro')}</p>
        <StmEditor />
      </CardSection>
    </>
  );
}
