import type { CommitmentVersion } from '@cocrea/domain';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { PublicExerciseView } from '../api/exerciseTypes';
import { getPublicExercise } from '../api/exercises';
import { DocumentLink } from '../exercise/DocumentLink';
import { KitView } from '../exercise/KitView';
import { PhaseTimeline } from '../exercise/PhaseTimeline';
import { PamValidity } from '../pam/PamValidity';
import { PublicCommitment } from '../public/PublicCommitment';
import { LoadErrorCard } from '../ui/LoadErrorCard';
import { LoadingStatus } from '../ui/LoadingStatus';
import { PageLayout } from '../ui/PageLayout';
import { useFormats } from '../ui/useFormats';
import { useLoad } from '../ui/useLoad';
import { DeclarationPublic, EventsPublic, StmPublic } from './ActorsSections';
import { EvidenceSection } from './EvidenceSection';
import { OdsSection } from './OdsSection';
import { OpenDataSection } from './OpenDataSection';
import { EvaluationResults, MonitoringResults } from './ReviewResults';
import { TableroSection } from './TableroSection';
import '../exercise/exercise.css';

const SECTIONS = ['fase', 'declaracion', 'eventos', 'stm', 'pam', 'tablero', 'evidencias', 'resultados', 'ods', 'kits', 'datos'] as const;

/** `/micrositio/:id`: the public micrositio of an exercise — no sign-in. */
export function MicrositioPage({ exerciseId }: { exerciseId: string }) {
  const { t } = useTranslation();
  const fetcher = useCallback((signal: AbortSignal) => getPublicExercise(exerciseId, signal), [exerciseId]);
  const { state, reload } = useLoad(exerciseId, fetcher);
  return (
    <PageLayout mainClassName="doc doc--wide">
      <Link href="/micrositio" className="back-link">
        ← {t('micrositio.backToList')}
      </Link>
      {state.phase === 'loading' && <LoadingStatus label={t('micrositio.loading')} />}
      {state.phase === 'error' && <LoadErrorCard error={state.error} notFoundMessage={t('micrositio.notFound')} onRetry={reload} />}
      {state.phase === 'ready' && <Micrositio view={state.data} />}
    </PageLayout>
  );
}

function Section({ id, title, children }: { id: (typeof SECTIONS)[number]; title: string; children: React.ReactNode }) {
  return (
    <section id={id} className="card stack micrositio__section" aria-labelledby={`${id}-title`} data-testid={`micrositio-${id}`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

function Micrositio({ view }: { view: PublicExerciseView }) {
  const { t } = useTranslation();
  const f = useFormats();
  const e = view.exercise;
  const titles = new Map((view.pam?.commitments ?? []).map((v) => [v.content.commitment.id, v.content.commitment.title]));
  const current = view.phases.find((p) => p.phase === view.stage);
  return (
    <div className="stack-lg micrositio" data-testid="micrositio" data-stage={view.stage}>
      <header className="card stack public-hero">
        <p className="eyebrow">{t('micrositio.eyebrow', { municipality: e.municipality })}</p>
        <h1 className="commitment-header__title" data-testid="micrositio-title">
          {e.title}
        </h1>
        <p className="muted">{t('exercise.period', { from: f.day(e.period.startDate), to: f.day(e.period.endDate) })}</p>
        <p className="micrositio__stage">
          {current ? t('exercise.phase.currentIs', { n: current.number, label: t(`exercise.phases.${current.phase}`) }) : t('exercise.phase.concluded')}
        </p>
        <nav className="micrositio__nav" aria-label={t('micrositio.navLabel')}>
          {SECTIONS.map((s) => (
            <a key={s} href={`#${s}`} className="chip">
              {t(`micrositio.sections.${s}`)}
            </a>
          ))}
        </nav>
      </header>
      <Section id="fase" title={t('micrositio.sections.fase')}>
        <PhaseTimeline phases={view.phases} stage={view.stage} />
      </Section>
      <Section id="declaracion" title={t('micrositio.sections.declaracion')}>
        {view.declaration ? <DeclarationPublic declaration={view.declaration} /> : <p className="muted">{t('micrositio.declaration.none')}</p>}
      </Section>
      <Section id="eventos" title={t('micrositio.sections.eventos')}>
        <EventsPublic view={view} />
      </Section>
      <Section id="stm" title={t('micrositio.sections.stm')}>
        <StmPublic stm={view.stm} />
      </Section>
      <Section id="pam" title={t('micrositio.sections.pam')}>
        {view.pam ? (
          <>
            <p>
              <strong>{view.pam.plan.title}</strong>
            </p>
            <PamValidity pam={view.pam.plan} />
            {view.pam.approvals.length > 0 && (
              <ul className="plain-list" data-testid="public-approvals">
                {view.pam.approvals.map((a, i) => (
                  <li key={i}>
                    {t('micrositio.pam.approval', { sector: t(`sectors.${a.sector}`), name: a.name, capacity: t(`exercise.stm.capacity.${a.capacity}`).toLowerCase(), date: f.dateTime(a.approvedAt) })}
                  </li>
                ))}
              </ul>
            )}
            <div className="stack">
              {view.pam.commitments.map((v, i) => (
                <details key={v.content.commitment.id} className="disclosure public-roadmap" data-testid="public-roadmap">
                  <summary>
                    {t('public.commitmentN', { n: i + 1 })}: {v.content.commitment.title}
                  </summary>
                  <PublicCommitment version={v as unknown as CommitmentVersion} index={i} />
                </details>
              ))}
            </div>
          </>
        ) : (
          <p className="muted">{t('micrositio.pam.none')}</p>
        )}
      </Section>
      <Section id="tablero" title={t('micrositio.sections.tablero')}>
        {view.tablero ? <TableroSection tablero={view.tablero} /> : <p className="muted">{t('micrositio.tablero.none')}</p>}
      </Section>
      <Section id="evidencias" title={t('micrositio.sections.evidencias')}>
        {view.tablero ? <EvidenceSection tablero={view.tablero} /> : <p className="muted">{t('micrositio.evidence.none')}</p>}
      </Section>
      <Section id="resultados" title={t('micrositio.sections.resultados')}>
        <h3>{t('micrositio.results.monitoringTitle')}</h3>
        {view.monitoring ? <MonitoringResults monitoring={view.monitoring} titles={titles} /> : <p className="muted">{t('micrositio.results.noMonitoring')}</p>}
        <h3>{t('micrositio.results.evaluationTitle')}</h3>
        {view.evaluation ? <EvaluationResults evaluation={view.evaluation} titles={titles} discrepancies={view.discrepancies} /> : <p className="muted">{t('micrositio.results.noEvaluation')}</p>}
      </Section>
      <Section id="ods" title={t('micrositio.sections.ods')}>
        {view.ods ? <OdsSection ods={view.ods} titles={titles} /> : <p className="muted">{t('micrositio.ods.none')}</p>}
      </Section>
      <Section id="kits" title={t('micrositio.sections.kits')}>
        {view.kits.length === 0 && <p className="muted">{t('micrositio.kits.none')}</p>}
        {view.kits.map((k) => (
          <details key={k.mesa.id} className="disclosure" data-testid="public-kit">
            <summary>{k.mesa.title}</summary>
            <KitView kit={k} headingLevel="h4" link={(d) => <DocumentLink doc={d} href={d.url} />} />
          </details>
        ))}
      </Section>
      <Section id="datos" title={t('micrositio.sections.datos')}>
        <p className="muted small">{t('micrositio.openData.intro')}</p>
        <OpenDataSection tables={view.openData ?? []} />
      </Section>
    </div>
  );
}
