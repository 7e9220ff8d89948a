import { roadmapFields } from '@cocrea/collab';
import { useTranslation } from 'react-i18next';
import { BoundField } from './BoundField';
import { DateField } from './DateField';
import { Element } from './Element';
import { useRoadmap } from './RoadmapContext';
import { useRoadmapText } from './useYValues';

/** 1) Persona servidora pública responsable. */
export function ResponsibleElement() {
  const { t } = useTranslation();
  const { doc } = useRoadmap();
  const name = useRoadmapText(doc, 'responsibleName');
  const position = useRoadmapText(doc, 'responsiblePosition');
  const office = useRoadmapText(doc, 'responsibleOffice');
  return (
    <Element mark="1" id="el-responsible" title={t('roadmap.responsible.title')} hint={t('roadmap.responsible.hint')}>
      <div className="fields-3">
        <BoundField text={name} testId="field-responsibleName" label={t('roadmap.responsible.name')} maxLength={200} />
        <BoundField text={position} testId="field-responsiblePosition" label={t('roadmap.responsible.position')} maxLength={200} />
        <BoundField text={office} testId="field-responsibleOffice" label={t('roadmap.responsible.office')} maxLength={200} />
      </div>
    </Element>
  );
}

/** 2) Organización de la sociedad civil co-responsable. */
export function CoResponsibleElement() {
  const { t } = useTranslation();
  const { doc } = useRoadmap();
  const org = useRoadmapText(doc, 'coOrganization');
  const contact = useRoadmapText(doc, 'coContact');
  return (
    <Element mark="2" id="el-co" title={t('roadmap.co.title')} hint={t('roadmap.co.hint')}>
      <div className="fields-2">
        <BoundField text={org} testId="field-coOrganization" label={t('roadmap.co.organization')} maxLength={200} />
        <BoundField text={contact} testId="field-coContact" label={t('roadmap.co.contact')} maxLength={200} />
      </div>
    </Element>
  );
}

/** 4) Resultado final. */
export function FinalResultElement() {
  const { t } = useTranslation();
  const { doc } = useRoadmap();
  const text = useRoadmapText(doc, 'finalResult');
  return (
    <Element mark="4" id="el-result" title={t('roadmap.result.title')} hint={t('roadmap.result.hint')}>
      <BoundField text={text} testId="field-finalResult" label={t('roadmap.result.title')} hideLabel multiline />
    </Element>
  );
}

/** 8) Fechas de inicio y conclusión. */
export function DatesElement() {
  const { t } = useTranslation();
  const { doc } = useRoadmap();
  const fields = roadmapFields(doc);
  return (
    <Element mark="8" id="el-dates" title={t('roadmap.dates.title')} hint={t('roadmap.dates.hint')}>
      <div className="fields-2">
        <DateField map={fields} which="startDate" testId="field-startDate" label={t('roadmap.dates.start')} />
        <DateField map={fields} which="endDate" testId="field-endDate" label={t('roadmap.dates.end')} />
      </div>
    </Element>
  );
}
