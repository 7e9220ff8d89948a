import { KIT_MOMENTS, type DocumentRef } from '@cocrea/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormats } from '../ui/useFormats';

/** A kit as any of its readers get it (staff, the mesa's participants, the micrositio). */
export interface KitLike<D extends DocumentRef = DocumentRef> {
  publicProblem: string;
  consultation: { title: string; date: string | null; document: D | null } | null;
  items: { id: string; title: string; description: string; moment: 'antes' | 'durante'; document: D }[];
}

interface Props<D extends DocumentRef> {
  kit: KitLike<D>;
  /** How a document is offered: a plain link, or a download that carries the participant's token. */
  link: (doc: D) => ReactNode;
  headingLevel?: 'h2' | 'h3' | 'h4';
}

/** The *kit para participante*: the public problem, the consultation it comes from, and the documents for before and during the session. */
export function KitView<D extends DocumentRef>({ kit, link, headingLevel = 'h3' }: Props<D>) {
  const { t } = useTranslation();
  const f = useFormats();
  const H = headingLevel;
  return (
    <div className="kit stack" data-testid="kit">
      <div>
        <H className="kit__heading">{t('exercise.kit.problem')}</H>
        <p data-testid="kit-public-problem">{kit.publicProblem || t('exercise.kit.noProblem')}</p>
      </div>
      {kit.consultation && (
        <div>
          <H className="kit__heading">{t('exercise.kit.consultation')}</H>
          <p>
            {kit.consultation.title}
            {kit.consultation.date && <span className="muted"> · {f.day(kit.consultation.date)}</span>}
          </p>
          {kit.consultation.document && link(kit.consultation.document)}
        </div>
      )}
      {KIT_MOMENTS.map((m) => {
        const items = kit.items.filter((i) => i.moment === m);
        return (
          <div key={m}>
            <H className="kit__heading">{t(`exercise.kit.moments.${m}`)}</H>
            {items.length === 0 ? (
              <p className="muted small">{t('exercise.kit.noItems')}</p>
            ) : (
              <ul className="doc-list" data-testid={`kit-items-${m}`}>
                {items.map((i) => (
                  <li key={i.id} className="doc-list__item doc-list__item--stack" data-testid="kit-item">
                    <strong>{i.title}</strong>
                    {i.description && <span className="muted small">{i.description}</span>}
                    {link(i.document)}
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
    </div>
  );
}
