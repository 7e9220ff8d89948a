import { useTranslation } from 'react-i18next';
import { listPams } from '../api/pams';
import { NameGate } from '../session/NameGate';
import { AppHeader } from '../ui/AppHeader';
import { useLoad } from '../ui/useLoad';
import { PamCreateForm } from './PamCreateForm';
import { PamList } from './PamList';

/** `/pam`: every Plan de Acción Municipal, and the form to start one. */
export function PamListPage() {
  return <NameGate>{(name) => <PamListView name={name} />}</NameGate>;
}

function PamListView({ name }: { name: string }) {
  const { t } = useTranslation();
  const loader = useLoad('pams', listPams);
  return (
    <div className="page">
      <AppHeader />
      <main className="doc">
        <section className="home__hero">
          <h1>{t('pam.pageTitle')}</h1>
          <p>{t('pam.intro')}</p>
        </section>
        <div className="home__grid">
          <PamCreateForm name={name} />
          <section className="card stack" aria-labelledby="pam-list-title">
            <h2 id="pam-list-title">{t('pam.listTitle')}</h2>
            <PamList loader={loader} hrefOf={(p) => `/pam/${encodeURIComponent(p.id)}`} testId="pam-item" empty={t('pam.empty')} />
          </section>
        </div>
      </main>
    </div>
  );
}
