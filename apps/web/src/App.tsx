import { lazy, Suspense } from 'react';
import { Redirect, Route, Switch } from 'wouter';
import { HomePage } from './home/HomePage';
import { SessionProvider } from './session/SessionProvider';
import { NotFoundPage } from './ui/NotFoundPage';

// Heavy pages (React Flow, Yjs, Tiptap, the ODS catalogue) load only when visited.
const MesaPage = lazy(() => import('./mesa/MesaPage').then((m) => ({ default: m.MesaPage })));
const CommitmentsPage = lazy(() => import('./commitments/CommitmentsPage').then((m) => ({ default: m.CommitmentsPage })));
const CommitmentPage = lazy(() => import('./commitment/CommitmentPage').then((m) => ({ default: m.CommitmentPage })));
const PamListPage = lazy(() => import('./pam/PamListPage').then((m) => ({ default: m.PamListPage })));
const PamPage = lazy(() => import('./pam/PamPage').then((m) => ({ default: m.PamPage })));
const PublicListPage = lazy(() => import('./public/PublicListPage').then((m) => ({ default: m.PublicListPage })));
const PublicPamPage = lazy(() => import('./public/PublicPamPage').then((m) => ({ default: m.PublicPamPage })));
const ExerciseListPage = lazy(() => import('./exercise/ExerciseListPage').then((m) => ({ default: m.ExerciseListPage })));
const ExercisePage = lazy(() => import('./exercise/ExercisePage').then((m) => ({ default: m.ExercisePage })));
const MesaKitPage = lazy(() => import('./exercise/MesaKitPage').then((m) => ({ default: m.MesaKitPage })));
const MicrositioListPage = lazy(() => import('./micrositio/MicrositioListPage').then((m) => ({ default: m.MicrositioListPage })));
const MicrositioPage = lazy(() => import('./micrositio/MicrositioPage').then((m) => ({ default: m.MicrositioPage })));
const SignInPage = lazy(() => import('./session/SignInPage').then((m) => ({ default: m.SignInPage })));
const AcceptInvitationPage = lazy(() => import('./session/AcceptInvitationPage').then((m) => ({ default: m.AcceptInvitationPage })));
const ChangePasswordPage = lazy(() => import('./session/ChangePasswordPage').then((m) => ({ default: m.ChangePasswordPage })));
const InvitationsPage = lazy(() => import('./admin/InvitationsPage').then((m) => ({ default: m.InvitationsPage })));
const AccountsPage = lazy(() => import('./admin/AccountsPage').then((m) => ({ default: m.AccountsPage })));
const AuditPage = lazy(() => import('./admin/AuditPage').then((m) => ({ default: m.AuditPage })));

/** The routes of the web client: mesas and their commitments, PAM management, the exercises of Gobierno Abierto, public plans and micrositios, signing in, administration. */
export function App() {
  return (
    <SessionProvider>
      <Suspense fallback={<div className="page" aria-busy="true" />}>
        <Switch>
          <Route path="/" component={HomePage} />
          <Route path="/entrar" component={SignInPage} />
          <Route path="/cuenta/contrasena" component={ChangePasswordPage} />
          <Route path="/invitaciones/:token">{(p) => <AcceptInvitationPage key={p.token} token={p.token} />}</Route>
          <Route path="/mesas/:mesaId/compromisos/:commitmentId">
            {(p) => <CommitmentPage key={`${p.mesaId}/${p.commitmentId}`} mesaId={p.mesaId} commitmentId={p.commitmentId} />}
          </Route>
          <Route path="/mesas/:mesaId/kit">{(p) => <MesaKitPage key={p.mesaId} mesaId={p.mesaId} />}</Route>
          <Route path="/mesas/:mesaId/compromisos">{(p) => <CommitmentsPage key={p.mesaId} mesaId={p.mesaId} />}</Route>
          <Route path="/mesas/:id">{(params) => <MesaPage key={params.id} mesaId={params.id} />}</Route>
          <Route path="/pam" component={PamListPage} />
          <Route path="/pam/:id">{(p) => <PamPage key={p.id} pamId={p.id} />}</Route>
          <Route path="/publico" component={PublicListPage} />
          <Route path="/publico/pam/:id">{(p) => <PublicPamPage key={p.id} pamId={p.id} />}</Route>
          <Route path="/ejercicios" component={ExerciseListPage} />
          <Route path="/ejercicios/:id/:section?">{(p) => <ExercisePage key={p.id} exerciseId={p.id} section={p.section} />}</Route>
          <Route path="/micrositio" component={MicrositioListPage} />
          <Route path="/micrositio/:id">{(p) => <MicrositioPage key={p.id} exerciseId={p.id} />}</Route>
          <Route path="/admin">
            <Redirect to="/admin/invitaciones" replace />
          </Route>
          <Route path="/admin/invitaciones" component={InvitationsPage} />
          <Route path="/admin/cuentas" component={AccountsPage} />
          <Route path="/admin/bitacora" component={AuditPage} />
          <Route component={NotFoundPage} />
        </Switch>
      </Suspense>
    </SessionProvider>
  );
}
