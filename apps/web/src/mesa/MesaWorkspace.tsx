import type { Mesa } from '@cocrea/domain';
import { useState } from 'react';
import { useMesaConnection } from '../collab/useMesaConnection';
import { JoinProgress } from '../session/JoinProgress';
import { MesaHeader } from './MesaHeader';
import { MesaRoom } from './MesaRoom';

interface Props {
  mesa: Mesa;
  joinUrl: string;
  name: string;
  onName: (name: string) => void;
}

/** Joins the mesa under the given name, then shows the room; a refused name is asked again. */
export function MesaWorkspace({ mesa, joinUrl, name, onName }: Props) {
  const [attempt, setAttempt] = useState(0);
  const connection = useMesaConnection(mesa.id, name, attempt);

  if (connection.phase === 'ready') return <MesaRoom mesa={mesa} joinUrl={joinUrl} session={connection.session} />;
  return (
    <div className="mesa-page">
      <MesaHeader mesa={mesa} joinUrl={joinUrl} />
      <main className="mesa-main mesa-main--center">
        <JoinProgress
          error={connection.phase === 'error' ? connection.error : null}
          name={name}
          onName={onName}
          onRetry={() => setAttempt((a) => a + 1)}
          cardClassName="card"
        />
      </main>
    </div>
  );
}
