import { useTranslation } from 'react-i18next';
import type { VersionSummary } from '../api/commitments';
import { VERSION_EXPORTS, versionExportUrl } from '../api/exportLinks';
import { useFormats } from '../ui/useFormats';

const LABELS = { json: 'JSON', csv: 'CSV', docx: 'DOCX', pdf: 'PDF', svg: 'SVG', png: 'PNG' } as const;

/** Download links of one finalized version: the commitment (JSON, CSV, DOCX, PDF) and its tree (SVG, PNG). */
export function VersionDownloads({ commitmentId, version }: { commitmentId: string; version: number }) {
  const { t } = useTranslation();
  return (
    <div className="downloads" role="group" aria-label={t('versions.downloads', { version })}>
      {VERSION_EXPORTS.map((e) => (
        <a key={e.key} className="download" href={versionExportUrl(commitmentId, version, e.key)} download data-testid={`download-${e.key}`}>
          {e.key === 'svg' || e.key === 'png' ? t('versions.tree', { format: LABELS[e.key] }) : LABELS[e.key]}
        </a>
      ))}
    </div>
  );
}

/** Every finalized version, newest first: number, date, who, short content hash, downloads. */
export function VersionList({ commitmentId, versions }: { commitmentId: string; versions: VersionSummary[] }) {
  const { t } = useTranslation();
  const f = useFormats();
  if (versions.length === 0) return <p className="muted">{t('versions.empty')}</p>;
  return (
    <ol className="versions" reversed>
      {[...versions].reverse().map((v) => (
        <li key={v.version} className="version" data-testid="version-item" data-version={v.version}>
          <div className="version__head">
            <strong>{t('versions.label', { version: v.version })}</strong>
            <span className="muted">{f.stamp(v.finalized)}</span>
            <code className="version__hash" title={v.contentHash}>
              SHA-256 {v.contentHash.slice(0, 12)}
            </code>
          </div>
          <VersionDownloads commitmentId={commitmentId} version={v.version} />
        </li>
      ))}
    </ol>
  );
}
