import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VersionSummary } from '../api/commitments';
import { downloadWithToken } from '../api/download';
import { VERSION_EXPORTS, versionExportUrl } from '../api/exportLinks';
import type { MesaAuth } from '../collab/mesaAuth';
import { useFormats } from '../ui/useFormats';

const LABELS = { json: 'JSON', csv: 'CSV', docx: 'DOCX', pdf: 'PDF', svg: 'SVG', png: 'PNG' } as const;

interface DownloadsProps {
  commitmentId: string;
  version: number;
  /** A participant's access: their downloads carry the Bearer token (accounts ride on the cookie). */
  auth?: MesaAuth | undefined;
}

/** Download links of one finalized version: the commitment (JSON, CSV, DOCX, PDF) and its tree (SVG, PNG). */
export function VersionDownloads({ commitmentId, version, auth }: DownloadsProps) {
  const { t } = useTranslation();
  const withToken = auth?.kind === 'participant' ? auth : undefined;
  const [failed, setFailed] = useState(false);
  return (
    <div className="downloads" role="group" aria-label={t('versions.downloads', { version })}>
      {VERSION_EXPORTS.map((e) => (
        <a
          key={e.key}
          className="download"
          href={versionExportUrl(commitmentId, version, e.key)}
          download
          data-testid={`download-${e.key}`}
          onClick={
            withToken &&
            ((ev) => {
              ev.preventDefault();
              const url = ev.currentTarget.href;
              setFailed(false);
              void withToken
                .bearer()
                .then((token) => (token ? downloadWithToken(url, token) : undefined))
                .catch(() => setFailed(true));
            })
          }
        >
          {e.key === 'svg' || e.key === 'png' ? t('versions.tree', { format: LABELS[e.key] }) : LABELS[e.key]}
        </a>
      ))}
      {failed && (
        <p className="alert" role="alert">
          {t('versions.downloadFailed')}
        </p>
      )}
    </div>
  );
}

/** Every finalized version, newest first: number, date, who, short content hash, downloads. */
export function VersionList({ commitmentId, versions, auth }: { commitmentId: string; versions: VersionSummary[]; auth?: MesaAuth }) {
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
          <VersionDownloads commitmentId={commitmentId} version={v.version} auth={auth} />
        </li>
      ))}
    </ol>
  );
}
