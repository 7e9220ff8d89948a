import { useTranslation } from 'react-i18next';
import { AppHeader } from '../ui/AppHeader';
import { CreateMesaForm } from './CreateMesaForm';
import { MesaList } from './MesaList';

/** Home: the mesas convened so far and the form to convene a new one. */
export function HomePage() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <AppHeader />
      <main className="home">
        <section className="home__hero">
          <p className="eyebrow">{t('app.tagline')}</p>
          <h1>{t('home.title')}</h1>
          <p>{t('home.intro')}</p>
        </section>
        <div className="home__grid">
          <CreateMesaForm />
          <MesaList />
        </div>
      </main>
    </div>
  );
}
