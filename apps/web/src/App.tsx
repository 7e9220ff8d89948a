import { lazy, Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { HomePage } from './home/HomePage';
import { NotFoundPage } from './ui/NotFoundPage';

// The canvas (React Flow, Yjs, the provider) loads only on a mesa page.
const MesaPage = lazy(() => import('./mesa/MesaPage').then((m) => ({ default: m.MesaPage })));

/** The routes of the web client: the home page and one page per mesa. */
export function App() {
  return (
    <Suspense fallback={<div className="page" aria-busy="true" />}>
      <Switch>
        <Route path="/" component={HomePage} />
        <Route path="/mesas/:id">{(params) => <MesaPage key={params.id} mesaId={params.id} />}</Route>
        <Route component={NotFoundPage} />
      </Switch>
    </Suspense>
  );
}
