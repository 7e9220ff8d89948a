import { ALLOWED_MEDIA_TYPES, type DocumentRef } from '@cocrea/domain';
import { useTranslation } from 'react-i18next';
import { megabytes } from './fileCheck';

interface Props {
  doc: DocumentRef;
  /** Where the file downloads from (a file), or the link itself. */
  href: string;
  testId?: string;
}

/** Size of a file for people: bytes, KB or MB. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return megabytes(bytes);
}

/**
 * A document as a link: an uploaded file downloads (its name, type and size said in words), a
 * link opens elsewhere in a new tab (said too, not only by an icon).
 */
export function DocumentLink({ doc, href, testId }: Props) {
  const { t } = useTranslation();
  if (doc.kind === 'archivo') {
    return (
      <a className="doc-link doc-link--file" href={href} download={doc.name} data-testid={testId} data-kind="archivo" data-sha256={doc.sha256}>
        <span className="doc-link__title">{doc.name}</span>
        <span className="doc-link__meta">
          {ALLOWED_MEDIA_TYPES[doc.mediaType] ?? doc.mediaType} · {fileSize(doc.bytes)}
        </span>
      </a>
    );
  }
  return (
    <a className="doc-link doc-link--link" href={href} target="_blank" rel="noopener noreferrer" data-testid={testId} data-kind="enlace">
      <span className="doc-link__title">{doc.title}</span>
      <span className="doc-link__meta">{t('exercise.doc.external')}</span>
    </a>
  );
}
