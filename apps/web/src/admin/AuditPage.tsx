import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, MesaRecord } from '../api/accountTypes';
import { listAudit } from '../api/accounts';
import { useErrorMessage } from '../api/useErrorMessage';
import { CardSection } from '../ui/CardSection';
import { Field } from '../ui/Field';
import { LoadErrorAlert } from '../ui/LoadErrorAlert';
import { useFormats } from '../ui/useFormats';
import { AdminLayout } from './AdminLayout';
import { appendPage, AUDIT_PAGE_SIZE, detailPairs, nextBefore } from './auditPaging';
import { useMesaTitles } from './useMesaTitles';

/** `/admin/bitacora`: the append-only audit log, newest first, by mesa, a page at a time. */
export function AuditPage() {
  return <AdminLayout>{() => <AuditView />}</AdminLayout>;
}

type Shown = { phase: 'loading' } | { phase: 'error'; error: unknown } | { phase: 'ready'; entries: AuditEntry[]; more: boolean };

function AuditView() {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const mesas = useMesaTitles();
  const [mesaId, setMesaId] = useState('');
  const [attempt, setAttempt] = useState(0);
  const key = `${mesaId}#${attempt}`;
  const [result, setResult] = useState<{ key: string; shown: Shown } | null>(null);
  const shown = useMemo<Shown>(() => (result?.key === key ? result.shown : { phase: 'loading' }), [result, key]);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);

  useEffect(() => {
    const ctrl = new AbortController();
    listAudit({ ...(mesaId ? { mesaId } : {}), limit: AUDIT_PAGE_SIZE }, ctrl.signal).then(
      (page) => setResult({ key, shown: { phase: 'ready', ...appendPage([], page) } }),
      (error: unknown) => {
        if (!ctrl.signal.aborted) setResult({ key, shown: { phase: 'error', error } });
      },
    );
    return () => ctrl.abort();
  }, [key, mesaId]);

  const loadMore = useCallback(() => {
    if (shown.phase !== 'ready') return;
    setLoadingMore(true);
    setMoreError(null);
    const before = nextBefore(shown.entries);
    listAudit({ ...(mesaId ? { mesaId } : {}), limit: AUDIT_PAGE_SIZE, ...(before !== undefined ? { before } : {}) })
      .then(
        (page) => setResult((prev) => (prev?.key === key && prev.shown.phase === 'ready' ? { key, shown: { phase: 'ready', ...appendPage(prev.shown.entries, page) } } : prev)),
        (e: unknown) => setMoreError(message(e)),
      )
      .finally(() => setLoadingMore(false));
  }, [shown, mesaId, key, message]);

  return (
    <CardSection titleId="audit-title" title={t('audit.title')}>
      <p className="muted">{t('audit.intro')}</p>
      <div className="audit-filters">
        <Field label={t('audit.mesaFilter')}>
          <select data-testid="audit-mesa" value={mesaId} onChange={(e) => setMesaId(e.target.value)}>
            <option value="">{t('audit.allMesas')}</option>
            {mesas.map((m) => (
              <option key={m.id} value={m.id}>
                {m.title}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {shown.phase === 'loading' && <p className="muted">{t('audit.loading')}</p>}
      {shown.phase === 'error' && <LoadErrorAlert error={shown.error} onRetry={() => setAttempt((a) => a + 1)} />}
      {shown.phase === 'ready' && shown.entries.length === 0 && <p className="muted">{t('audit.empty')}</p>}
      {shown.phase === 'ready' && shown.entries.length > 0 && <AuditEntries entries={shown.entries} mesas={mesas} />}
      {moreError !== null && (
        <p className="alert" role="alert">
          {moreError}
        </p>
      )}
      {shown.phase === 'ready' && shown.more && (
        <button type="button" className="button" data-testid="audit-more" disabled={loadingMore} onClick={loadMore}>
          {loadingMore ? t('audit.loading') : t('audit.more')}
        </button>
      )}
    </CardSection>
  );
}

function AuditEntries({ entries, mesas }: { entries: AuditEntry[]; mesas: MesaRecord[] }) {
  const { t } = useTranslation();
  const f = useFormats();
  const titleOf = new Map(mesas.map((m) => [m.id, m.title]));
  return (
    <ol className="audit-list" data-testid="audit-list">
      {entries.map((e) => (
        <li key={e.id} className="audit-entry" data-testid="audit-entry" data-action={e.action}>
          <div className="audit-entry__head">
            <strong className="audit-entry__action">{t(`auditActions.${e.action}`, { defaultValue: e.action })}</strong>
            <time className="muted small" dateTime={e.at}>
              {f.dateTime(e.at)}
            </time>
          </div>
          <div className="audit-entry__meta small">
            <span>{e.actor ? `${e.actor.name} · ${t(`roles.${e.actor.role}`, { defaultValue: e.actor.role })}` : t('audit.noActor')}</span>
            {e.mesaId && <span className="chip">{titleOf.get(e.mesaId) ?? e.mesaId}</span>}
            {e.commitmentId && <code>{e.commitmentId}</code>}
            {e.planId && <code>{e.planId}</code>}
          </div>
          {detailPairs(e.details).length > 0 && (
            <dl className="audit-entry__details small">
              {detailPairs(e.details).map(([k, v]) => (
                <div key={k}>
                  <dt>{k}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
            </dl>
          )}
        </li>
      ))}
    </ol>
  );
}
