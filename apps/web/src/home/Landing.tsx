import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { listPublicPams } from '../api/pams';
import { MicrositioList } from '../micrositio/MicrositioList';
import { PamList } from '../pam/PamList';
import { CardSection } from '../ui/CardSection';
import { PageLayout } from '../ui/PageLayout';
import { useLoad } from '../ui/useLoad';

const STEPS = ['tree', 'commitments', 'pam'] as const;

/** The home page of a visitor: what cocrea is, signing in for the team, the micrositios of the exercises and the published plans. */
export function Landing() {
  const { t } = useTranslation();
  const loader = useLoad('public-pams', listPublicPams);
  return (
    <PageLayout mainClassName="home landing">
      <section className="landing__hero" data-testid="landing">
        <div className="landing__intro">
          <p className="eyebrow">{t('app.tagline')}</p>
          <h1>{t('landing.title')}</h1>
          <p>{t('landing.intro')}</p>
          <div className="row">
            <Link href="/entrar" className="button button--primary" data-testid="landing-sign-in">
              {t('landing.signIn')}
            </Link>
            <Link href="/micrositio" className="button" data-testid="landing-micrositios">
              {t('landing.seeMicrositios')}
            </Link>
            <Link href="/publico" className="button">
              {t('landing.seePlans')}
            </Link>
          </div>
        </div>
        <aside className="card stack landing__join">
          <h2>{t('landing.joinTitle')}</h2>
          <p>{t('landing.join')}</p>
        </aside>
      </section>
      <ol className="landing__steps">
        {STEPS.map((s, i) => (
          <li key={s} className="card landing__step">
            <span className="landing__step-n" aria-hidden="true">
              {i + 1}
            </span>
            <h2>{t(`landing.steps.${s}.title`)}</h2>
            <p className="muted">{t(`landing.steps.${s}.body`)}</p>
          </li>
        ))}
      </ol>
      <div className="stack-lg">
        <CardSection titleId="landing-micrositios-title" title={t('micrositio.listHeading')}>
          <p className="muted">{t('micrositio.listIntro')}</p>
          <MicrositioList />
        </CardSection>
        <CardSection titleId="landing-plans-title" title={t('public.listTitle')}>
          <PamList loader={loader} hrefOf={(p) => `/publico/pam/${encodeURIComponent(p.id)}`} testId="public-pam-item" empty={t('public.empty')} />
        </CardSection>
      </div>
    </PageLayout>
  );
}
