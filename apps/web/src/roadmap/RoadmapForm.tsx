import type { HocuspocusProvider } from '@hocuspocus/provider';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { PresenceUser } from '../collab/presenceState';
import { ActivitiesElement } from './ActivitiesElement';
import { IndicatorsElement } from './IndicatorsElement';
import { NarrativeEditor } from './NarrativeEditor';
import { OdsElement } from './OdsElement';
import { RoadmapContext } from './RoadmapContext';
import { CoResponsibleElement, DatesElement, FinalResultElement, ResponsibleElement } from './TextFields';
import { TextListElement } from './TextListElement';

interface Props {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  user: PresenceUser;
  readOnly: boolean;
}

/** The hoja de ruta, co-edited live: the narrative, the eight required elements and the ODS alignment. */
export function RoadmapForm({ doc, provider, user, readOnly }: Props) {
  const { t } = useTranslation();
  const ctx = useMemo(() => ({ doc, disabled: readOnly }), [doc, readOnly]);
  return (
    <RoadmapContext.Provider value={ctx}>
      <div className="roadmap-form">
        <section className="element" aria-labelledby="el-narrative">
          <h3 className="element__title" id="el-narrative">
            {t('roadmap.narrative.title')}
          </h3>
          <p className="element__hint">{t('roadmap.narrative.hint')}</p>
          <NarrativeEditor doc={doc} provider={provider} user={user} editable={!readOnly} />
        </section>
        <ResponsibleElement />
        <CoResponsibleElement />
        <ActivitiesElement />
        <FinalResultElement />
        <TextListElement list="products" />
        <IndicatorsElement />
        <TextListElement list="verification" />
        <DatesElement />
        <OdsElement />
      </div>
    </RoadmapContext.Provider>
  );
}
