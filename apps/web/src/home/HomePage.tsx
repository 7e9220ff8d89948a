import { useTranslation } from 'react-i18next';
import { Brand } from '../ui/Brand';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { CreateMesaForm } from './CreateMesaForm';
import { MesaList } from './MesaList';

/** Home: the mesas convened so far and the form to convene a new one. */
export function HomePage() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <header className="topbar">
        <Brand />
        <span className="topbar__tagline">{t('app.tagline')}</span>
        <LanguageSwitch />
      </header>
      <main className="home">
        <section className="home__hero">
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
