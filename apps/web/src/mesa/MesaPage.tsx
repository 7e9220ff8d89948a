import { MesaGate } from '../session/MesaGate';
import { MesaHeader } from './MesaHeader';
import { MesaWorkspace } from './MesaWorkspace';

/** `/mesas/:id`: enters the mesa (account token, remembered participant, or the join form), then the tree. */
export function MesaPage({ mesaId }: { mesaId: string }) {
  return (
    <MesaGate
      mesaId={mesaId}
      path={`/mesas/${encodeURIComponent(mesaId)}`}
      frame={(heading, body) => (
        <div className="mesa-page">
          <MesaHeader mesa={heading} />
          <main className="mesa-main mesa-main--center">{body}</main>
        </div>
      )}
    >
      {(access) => <MesaWorkspace access={access} />}
    </MesaGate>
  );
}
