import type { Commitment, CommitmentVersion } from '@cocrea/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { finalizeCommitment } from '../api/commitments';
import { missingOf } from '../api/http';
import type { MesaAuth } from '../collab/mesaAuth';
import { ActionError } from '../ui/ActionError';
import type { Actions } from '../ui/useAction';

interface Props {
  commitment: Commitment;
  auth: MesaAuth;
  actions: Actions;
  /** The live checklist is empty: an earlier "what is missing" answer is out of date. */
  complete: boolean;
  onFinalized: (r: { commitment: Commitment; version: CommitmentVersion }) => void;
}

/** "Finalizar": freezes the roadmap into a new version; a refusal lists what is missing, in the server's words. */
export function FinalizePanel({ commitment: c, auth, actions, complete, onFinalized }: Props) {
  const { t } = useTranslation();
  const [done, setDone] = useState<CommitmentVersion | null>(null);
  const missing = actions.error?.source === 'finalize' ? missingOf(actions.error.cause) : null;
  // A refusal for missing elements is stale once the live checklist is complete.
  const refusal = missing && complete ? null : actions.errorOf('finalize');
  if (c.status === 'finalizado') {
    return done && done.version === c.version ? (
      <p className="success" role="status" data-testid="finalize-success">
        {t('finalize.done', { version: done.version, hash: done.contentHash.slice(0, 12) })}
      </p>
    ) : null;
  }

  const finalize = () => {
    setDone(null);
    void actions.run('finalize', async () => finalizeCommitment(c.id, await auth.bearer())).then((r) => {
      if (!r) return;
      setDone(r.version);
      onFinalized(r);
    });
  };

  return (
    <div className="finalize stack">
      <button type="button" className="button button--primary button--block" data-testid="finalize" disabled={actions.busy === 'finalize'} onClick={finalize}>
        {actions.busy === 'finalize' ? t('finalize.running') : t('finalize.button')}
      </button>
      <p className="field__hint">{c.status === 'definitivo' ? t('finalize.hint') : t('finalize.needsDefinitive')}</p>
      <ActionError message={refusal} />
      {missing && !complete && (
        <ul className="missing-list" data-testid="missing-list" aria-label={t('finalize.missingTitle')}>
          {missing.map((m) => (
            <li key={m} data-testid="missing-item">
              {m}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
