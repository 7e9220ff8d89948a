import { useTranslation } from 'react-i18next';
import { listPams } from '../api/pams';
import { NameGate } from '../session/NameGate';
import { CardSection } from '../ui/CardSection';
import { PageHero } from '../ui/PageHero';
import { PageLayout } from '../ui/PageLayout';
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
    <PageLayout>
      <PageHero title={t('pam.pageTitle')} intro={t('pam.intro')} />
      <div className="home__grid">
        <PamCreateForm name={name} />
        <CardSection titleId="pam-list-title" title={t('pam.listTitle')}>
          <PamList loader={loader} hrefOf={(p) => `/pam/${encodeURIComponent(p.id)}`} testId="pam-item" empty={t('pam.empty')} />
        </CardSection>
      </div>
    </PageLayout>
  );
}
