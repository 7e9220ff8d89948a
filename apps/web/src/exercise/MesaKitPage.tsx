import type { DocumentRef } from '@cocrea/domain';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { downloadWithToken } from '../api/download';
import { getKit, kitFileUrl } from '../api/exercises';
import { useErrorMessage } from '../api/useErrorMessage';
import type { MesaAccess } from '../session/MesaAccessContext';
import { MesaBar } from '../session/MesaBar';
import { MesaGate } from '../session/MesaGate';
import { LoadErrorCard } from '../ui/LoadErrorCard';
import { LoadingStatus } from '../ui/LoadingStatus';
import { PageLayout } from '../ui/PageLayout';
import { useLoad } from '../ui/useLoad';
import { DocumentLink, fileSize } from './DocumentLink';
import { KitView } from './KitView';
import './exercise.css';

/** `/mesas/:mesaId/kit`: the mesa's kit para participante, for its participants (no account) and the team. */
export function MesaKitPage({ mesaId }: { mesaId: string }) {
  return (
    <MesaGate
      mesaId={mesaId}
      path={`/mesas/${encodeURIComponent(mesaId)}/kit`}
      frame={(heading, body) => (
        <PageLayout bar={heading && <MesaBar mesa={heading} />} mainClassName="doc doc--center">
          {body}
        </PageLayout>
      )}
    >
      {(access) => <KitPage access={access} />}
    </MesaGate>
  );
}

/** A file of the kit: a participant's download carries their token (a plain link cannot). */
function KitFile({ access, doc }: { access: MesaAccess; doc: DocumentRef & { kind: 'archivo' } }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const [error, setError] = useState<string | null>(null);
  const download = async () => {
    setError(null);
    try {
      const token = await access.auth.bearer();
      if (token) await downloadWithToken(kitFileUrl(access.mesa.id, doc.sha256), token);
      else window.location.assign(kitFileUrl(access.mesa.id, doc.sha256));
    } catch (e) {
      setError(message(e instanceof ApiError ? e : new ApiError('network', '', 0)));
    }
  };
  return (
    <span className="stack-sm">
      <button type="button" className="doc-link doc-link--file doc-link--button" onClick={() => void download()} data-testid="kit-file">
        <span className="doc-link__title">{doc.name}</span>
        <span className="doc-link__meta">
          {t('exercise.doc.download')} · {fileSize(doc.bytes)}
        </span>
      </button>
      {error && (
        <span className="alert" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}

function KitPage({ access }: { access: MesaAccess }) {
  const { t } = useTranslation();
  const fetcher = useCallback(async (signal: AbortSignal) => getKit(access.mesa.id, { token: await access.auth.bearer(), signal }), [access]);
  const { state, reload } = useLoad(`kit-${access.mesa.id}`, fetcher);
  return (
    <PageLayout bar={<MesaBar mesa={access.mesa} />}>
      <h1 className="doc__title">{t('exercise.kit.pageTitle')}</h1>
      <p className="muted">{t('exercise.kit.pageIntro')}</p>
      {state.phase === 'loading' && <LoadingStatus label={t('exercise.kit.loading')} />}
      {state.phase === 'error' && <LoadErrorCard error={state.error} onRetry={reload} notFoundMessage={t('exercise.kit.notPart')} />}
      {state.phase === 'ready' &&
        (state.data ? (
          <section className="card">
            <KitView kit={state.data} headingLevel="h2" link={(d) => (d.kind === 'archivo' ? <KitFile access={access} doc={d} /> : <DocumentLink doc={d} href={d.url} />)} />
          </section>
        ) : (
          <p className="card muted">{t('exercise.kit.empty')}</p>
        ))}
    </PageLayout>
  );
}
