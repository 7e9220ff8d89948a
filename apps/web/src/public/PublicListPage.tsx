import { useTranslation } from 'react-i18next';
import { listPublicPams } from '../api/pams';
import { PamList } from '../pam/PamList';
import { AppHeader } from '../ui/AppHeader';
import { useLoad } from '../ui/useLoad';

/** `/publico`: the published Planes de Acción Municipal, for anyone. */
export function PublicListPage() {
  const { t } = useTranslation();
  const loader = useLoad('public-pams', listPublicPams);
  return (
    <div className="page">
      <AppHeader />
      <main className="doc">
        <section className="home__hero">
          <h1>{t('public.title')}</h1>
          <p>{t('public.intro')}</p>
        </section>
        <section className="card stack" aria-labelledby="public-list-title">
          <h2 id="public-list-title">{t('public.listTitle')}</h2>
          <PamList loader={loader} hrefOf={(p) => `/publico/pam/${encodeURIComponent(p.id)}`} testId="public-pam-item" empty={t('public.empty')} />
        </section>
      </main>
    </div>
  );
}
