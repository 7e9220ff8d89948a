import type { MesaRecord } from '../api/accountTypes';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { listMesas } from '../api/client';
import { LoadErrorAlert } from '../ui/LoadErrorAlert';

type ListState = { phase: 'loading' } | { phase: 'ready'; mesas: MesaRecord[] } | { phase: 'error'; error: unknown };

/** The mesas convened so far, newest first, each linking to its page. */
export function MesaList() {
  const { t, i18n } = useTranslation();
  const [attempt, setAttempt] = useState(0);
  // Tagged with the attempt it answers, so a retry reads as "loading" at once.
  const [result, setResult] = useState<{ attempt: number; state: ListState } | null>(null);
  const state: ListState = result?.attempt === attempt ? result.state : { phase: 'loading' };

  useEffect(() => {
    const ctrl = new AbortController();
    const setState = (s: ListState) => setResult({ attempt, state: s });
    listMesas(ctrl.signal).then(
      (mesas) => setState({ phase: 'ready', mesas }),
      (error: unknown) => {
        if (!ctrl.signal.aborted) setState({ phase: 'error', error });
      },
    );
    return () => ctrl.abort();
  }, [attempt]);

  const dateFormat = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-US' : 'es-MX', { dateStyle: 'medium' });

  return (
    <section className="card mesa-list" data-testid="mesa-list" aria-labelledby="mesa-list-title">
      <h2 id="mesa-list-title">{t('home.listTitle')}</h2>
      {state.phase === 'loading' && <p className="muted">{t('home.loading')}</p>}
      {state.phase === 'error' && <LoadErrorAlert error={state.error} onRetry={() => setAttempt((a) => a + 1)} />}
      {state.phase === 'ready' && state.mesas.length === 0 && <p className="muted">{t('home.empty')}</p>}
      <ul className="mesa-list__items">
        {state.phase === 'ready' &&
          state.mesas.map((m) => (
            <li key={m.id} data-testid="mesa-list-item">
              <Link href={`/mesas/${encodeURIComponent(m.id)}`} className="mesa-list__link">
                <span className="mesa-list__title">{m.title}</span>
                <span className="mesa-list__meta">
                  <span className="chip">{m.topic}</span>
                  {m.status === 'cerrada' && <span className="badge badge--closed">{t('home.closed')}</span>}
                  <time dateTime={m.createdAt}>{t('home.createdOn', { date: formatDate(dateFormat, m.createdAt) })}</time>
                </span>
              </Link>
            </li>
          ))}
      </ul>
    </section>
  );
}

function formatDate(fmt: Intl.DateTimeFormat, iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : fmt.format(d);
}
