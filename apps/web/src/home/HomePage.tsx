import { useTranslation } from 'react-i18next';
import { can } from '../session/permissions';
import { useSession } from '../session/SessionContext';
import { LoadingStatus } from '../ui/LoadingStatus';
import { PageHero } from '../ui/PageHero';
import { PageLayout } from '../ui/PageLayout';
import { CreateMesaForm } from './CreateMesaForm';
import { Landing } from './Landing';
import { MesaList } from './MesaList';

/** Home: for an account the mesas it may see (and, for facilitators, the form to convene one); for a visitor what cocrea is. */
export function HomePage() {
  const { t } = useTranslation();
  const { phase, account } = useSession();
  if (phase === 'loading') {
    return (
      <PageLayout mainClassName="doc doc--center">
        <LoadingStatus label={t('auth.checking')} />
      </PageLayout>
    );
  }
  if (!account) return <Landing />;
  const convene = can.manageMesas(account.role);
  return (
    <PageLayout mainClassName="home">
      <PageHero eyebrow={t('app.tagline')} title={t('home.title')} intro={convene ? t('home.intro') : t(`home.introRole.${account.role}`)} />
      <div className={convene ? 'home__grid' : 'home__single'}>
        {convene && <CreateMesaForm />}
        <MesaList />
      </div>
    </PageLayout>
  );
}
