import { useTranslation } from 'react-i18next';
import { PageHero } from '../ui/PageHero';
import { PageLayout } from '../ui/PageLayout';
import { CreateMesaForm } from './CreateMesaForm';
import { MesaList } from './MesaList';

/** Home: the mesas convened so far and the form to convene a new one. */
export function HomePage() {
  const { t } = useTranslation();
  return (
    <PageLayout mainClassName="home">
      <PageHero eyebrow={t('app.tagline')} title={t('home.title')} intro={t('home.intro')} />
      <div className="home__grid">
        <CreateMesaForm />
        <MesaList />
      </div>
    </PageLayout>
  );
}
