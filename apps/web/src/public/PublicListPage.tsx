import { useTranslation } from 'react-i18next';
import { listPublicPams } from '../api/pams';
import { MicrositioList } from '../micrositio/MicrositioList';
import { PamList } from '../pam/PamList';
import { CardSection } from '../ui/CardSection';
import { PageHero } from '../ui/PageHero';
import { PageLayout } from '../ui/PageLayout';
import { useLoad } from '../ui/useLoad';

/** `/publico`: the published Planes de Acción Municipal, for anyone. */
export function PublicListPage() {
  const { t } = useTranslation();
  const loader = useLoad('public-pams', listPublicPams);
  return (
    <PageLayout>
      <PageHero title={t('public.title')} intro={t('public.intro')} />
      <CardSection titleId="public-micrositios-title" title={t('micrositio.listHeading')}>
        <MicrositioList />
      </CardSection>
      <CardSection titleId="public-list-title" title={t('public.listTitle')}>
        <PamList loader={loader} hrefOf={(p) => `/publico/pam/${encodeURIComponent(p.id)}`} testId="public-pam-item" empty={t('public.empty')} />
      </CardSection>
    </PageLayout>
  );
}
