import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { CardSection } from '../ui/CardSection';
import { PageHero } from '../ui/PageHero';
import { PageLayout } from '../ui/PageLayout';
import { MicrositioList } from './MicrositioList';

/** `/micrositio`: the published micrositios of the municipalities' exercises, for anyone. */
export function MicrositioListPage() {
  const { t } = useTranslation();
  return (
    <PageLayout>
      <PageHero title={t('micrositio.listTitle')} intro={t('micrositio.listIntro')} />
      <CardSection titleId="micrositio-list-title" title={t('micrositio.listHeading')}>
        <MicrositioList />
      </CardSection>
      <p>
        <Link href="/publico">{t('micrositio.seePlans')}</Link>
      </p>
    </PageLayout>
  );
}

