import { lazy, Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { HomePage } from './home/HomePage';
import { NotFoundPage } from './ui/NotFoundPage';

// Heavy pages (React Flow, Yjs, Tiptap, the ODS catalogue) load only when visited.
const MesaPage = lazy(() => import('./mesa/MesaPage').then((m) => ({ default: m.MesaPage })));
const CommitmentsPage = lazy(() => import('./commitments/CommitmentsPage').then((m) => ({ default: m.CommitmentsPage })));
const CommitmentPage = lazy(() => import('./commitment/CommitmentPage').then((m) => ({ default: m.CommitmentPage })));
const PamListPage = lazy(() => import('./pam/PamListPage').then((m) => ({ default: m.PamListPage })));
const PamPage = lazy(() => import('./pam/PamPage').then((m) => ({ default: m.PamPage })));
const PublicListPage = lazy(() => import('./public/PublicListPage').then((m) => ({ default: m.PublicListPage })));
const PublicPamPage = lazy(() => import('./public/PublicPamPage').then((m) => ({ default: m.PublicPamPage })));

/** The routes of the web client: mesas and their commitments, PAM management, public plans. */
export function App() {
  return (
    <Suspense fallback={<div className="page" aria-busy="true" />}>
      <Switch>
        <Route path="/" component={HomePage} />
        <Route path="/mesas/:mesaId/compromisos/:commitmentId">
          {(p) => <CommitmentPage key={`${p.mesaId}/${p.commitmentId}`} mesaId={p.mesaId} commitmentId={p.commitmentId} />}
        </Route>
        <Route path="/mesas/:mesaId/compromisos">{(p) => <CommitmentsPage key={p.mesaId} mesaId={p.mesaId} />}</Route>
        <Route path="/mesas/:id">{(params) => <MesaPage key={params.id} mesaId={params.id} />}</Route>
        <Route path="/pam" component={PamListPage} />
        <Route path="/pam/:id">{(p) => <PamPage key={p.id} pamId={p.id} />}</Route>
        <Route path="/publico" component={PublicListPage} />
        <Route path="/publico/pam/:id">{(p) => <PublicPamPage key={p.id} pamId={p.id} />}</Route>
        <Route component={NotFoundPage} />
      </Switch>
    </Suspense>
  );
}
