import type { CommitmentVersion } from '@cocrea/domain';
import { useTranslation } from 'react-i18next';
import { versionExportUrl } from '../api/exportLinks';
import { VersionDownloads } from '../commitment/VersionList';
import { can } from '../session/permissions';
import { useSession } from '../session/SessionContext';
import { useFormats } from '../ui/useFormats';
import { OdsChips } from './OdsChips';

function TextList({ items }: { items: string[] }) {
  return (
    <ul className="plain-list">
      {items.map((x, i) => (
        <li key={i}>{x}</li>
      ))}
    </ul>
  );
}

/** One commitment of a published plan, read-only: the eight elements, ODS and downloads. */
export function PublicCommitment({ version, index }: { version: CommitmentVersion; index: number }) {
  const { t } = useTranslation();
  const f = useFormats();
  // The tree image and the files are served to accounts only (the public API has no exports yet).
  const files = can.seePams(useSession().role);
  const { commitment, mesa, roadmap: r } = version.content;
  const day = (d: string) => (d ? f.day(d) : '—');
  return (
    <article className="card stack public-commitment" data-testid="public-commitment" aria-labelledby={`pc-${commitment.id}`}>
      <header>
        <p className="eyebrow">
          {t('public.commitmentN', { n: index + 1 })} · {mesa.title}
        </p>
        <h2 id={`pc-${commitment.id}`}>{commitment.title}</h2>
        {commitment.description && <p>{commitment.description}</p>}
        <OdsChips codes={r.odsTargets} />
      </header>
      {r.narrative && <p className="public-commitment__narrative">{r.narrative}</p>}
      <dl className="facts">
        <dt>{t('roadmap.responsible.title')}</dt>
        <dd>
          {r.responsible.name} — {r.responsible.position}, {r.responsible.office}
        </dd>
        <dt>{t('roadmap.co.title')}</dt>
        <dd>
          {r.coResponsible.organization}
          {r.coResponsible.contact && ` (${r.coResponsible.contact})`}
        </dd>
        <dt>{t('roadmap.result.title')}</dt>
        <dd>{r.finalResult}</dd>
        <dt>{t('roadmap.dates.title')}</dt>
        <dd>{t('public.fromTo', { from: day(r.startDate), to: day(r.endDate) })}</dd>
        <dt>{t('roadmap.products.title')}</dt>
        <dd>
          <TextList items={r.expectedProducts} />
        </dd>
        <dt>{t('roadmap.verification.title')}</dt>
        <dd>
          <TextList items={r.meansOfVerification} />
        </dd>
      </dl>
      <h3>{t('roadmap.activities.title')}</h3>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>{t('roadmap.activities.description')}</th>
              <th>{t('roadmap.activities.responsible')}</th>
              <th>{t('roadmap.activities.start')}</th>
              <th>{t('roadmap.activities.end')}</th>
            </tr>
          </thead>
          <tbody>
            {r.activities.map((a) => (
              <tr key={a.id}>
                <td>{a.description}</td>
                <td>{a.responsible}</td>
                <td>{day(a.startDate)}</td>
                <td>{day(a.endDate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t('roadmap.indicators.title')}</h3>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>{t('roadmap.indicators.name')}</th>
              <th>{t('roadmap.indicators.unit')}</th>
              <th>{t('roadmap.indicators.baseline')}</th>
              <th>{t('roadmap.indicators.goal')}</th>
            </tr>
          </thead>
          <tbody>
            {r.indicators.map((i) => (
              <tr key={i.id}>
                <td>{i.name}</td>
                <td>{i.unit}</td>
                <td>{i.baseline}</td>
                <td>{i.goal}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {files && (
        <details className="public-commitment__tree">
          <summary>{t('public.tree')}</summary>
          <img src={versionExportUrl(commitment.id, version.version, 'svg')} alt={t('public.treeAlt', { title: commitment.title })} loading="lazy" />
        </details>
      )}
      <footer className="public-commitment__footer">
        <span className="muted">
          {t('versions.label', { version: version.version })} · {f.stamp(version.finalized)} ·{' '}
          <code title={version.contentHash}>SHA-256 {version.contentHash.slice(0, 12)}</code>
        </span>
        {files && <VersionDownloads commitmentId={commitment.id} version={version.version} />}
      </footer>
    </article>
  );
}
