import { useTranslation } from 'react-i18next';
import { listPams } from '../api/pams';
import { can } from '../session/permissions';
import { RequireRole } from '../session/RequireRole';
import { CardSection } from '../ui/CardSection';
import { PageHero } from '../ui/PageHero';
import { PageLayout } from '../ui/PageLayout';
import { useLoad } from '../ui/useLoad';
import { PamCreateForm } from './PamCreateForm';
import { PamList } from './PamList';

/** `/pam`: every Plan de Acción Municipal (facilitators and the STM), and for facilitators the form to start one. */
export function PamListPage() {
  return <RequireRole allow={can.seePams}>{(account) => <PamListView create={can.editPams(account.role)} />}</RequireRole>;
}

function PamListView({ create }: { create: boolean }) {
  const { t } = useTranslation();
  const loader = useLoad('pams', listPams);
  return (
    <PageLayout>
      <PageHero title={t('pam.pageTitle')} intro={t('pam.intro')} />
      <div className={create ? 'home__grid' : 'home__single'}>
        {create && <PamCreateForm />}
        <CardSection titleId="pam-list-title" title={t('pam.listTitle')}>
          <PamList loader={loader} hrefOf={(p) => `/pam/${encodeURIComponent(p.id)}`} testId="pam-item" empty={t('pam.empty')} />
        </CardSection>
      </div>
    </PageLayout>
  );
}
