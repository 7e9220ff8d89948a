import { useTranslation } from 'react-i18next';
import { PAM_EXPORTS, pamExportUrl } from '../api/exportLinks';

const LABELS = { json: 'JSON', csv: 'CSV', docx: 'DOCX', pdf: 'PDF', decidim: 'Decidim CSV' } as const;

/** Download links of a plan: open data (JSON, CSV), documents (DOCX, PDF) and the Decidim import. */
export function PamExports({ pamId }: { pamId: string }) {
  const { t } = useTranslation();
  return (
    <div className="downloads" role="group" aria-label={t('pam.exports')}>
      {PAM_EXPORTS.map((e) => (
        <a key={e.key} className="download" href={pamExportUrl(pamId, e.key)} download data-testid={`pam-export-${e.key}`}>
          {LABELS[e.key]}
        </a>
      ))}
    </div>
  );
}
