import type { Commitment, CommitmentVersion } from '@cocrea/domain';
import { useCallback } from 'react';
import type { CommitmentDetail } from '../api/commitments';
import type { CollabSession } from '../collab/useCollabConnection';
import { useAction } from '../ui/useAction';
import type { Loader } from '../ui/useLoad';
import { isReadOnly } from '../collab/lockState';
import { useLockSignal } from '../collab/useLockSignal';
import { useMesaAccess } from '../session/MesaAccessContext';
import { can } from '../session/permissions';
import { CommitmentHeader } from './CommitmentHeader';
import { ReviewSection } from './ReviewSection';
import { RoadmapSection } from './RoadmapSection';
import { VersionsSection } from './VersionsSection';

interface Props {
  detail: CommitmentDetail;
  loadedAt: number;
  loader: Loader<CommitmentDetail>;
  session: CollabSession;
}

/** A commitment's page once joined: header and stepper, review, hoja de ruta, versions. */
export function CommitmentView({ detail, loadedAt, loader, session }: Props) {
  const actions = useAction();
  const { commitment, versions } = detail;
  const { set, reload } = loader;
  const { role, mesa } = useMesaAccess();
  const signal = useLockSignal(session.provider, reload);
  const locked = isReadOnly(commitment.editable, loadedAt, signal);
  // STM members and experts read the roadmap; a closed mesa is read-only for everyone.
  const readOnly = locked || !can.editDocuments(role, mesa.status);

  const onCommitment = useCallback(
    (c: Commitment) => {
      set({ ...detail, commitment: c });
      reload();
    },
    [detail, set, reload],
  );
  const onFinalized = useCallback(
    (r: { commitment: Commitment; version: CommitmentVersion }) => {
      const summary = { version: r.version.version, contentHash: r.version.contentHash, finalized: r.version.finalized };
      set({ ...detail, commitment: r.commitment, versions: [...detail.versions.filter((v) => v.version !== summary.version), summary] });
      reload();
    },
    [detail, set, reload],
  );

  return (
    <div className="commitment stack-lg">
      <CommitmentHeader commitment={commitment} versions={versions} />
      <ReviewSection commitment={commitment} auth={session.auth} actions={actions} onCommitment={onCommitment} />
      <RoadmapSection commitment={commitment} session={session} readOnly={readOnly} locked={locked} actions={actions} onFinalized={onFinalized} />
      <VersionsSection commitment={commitment} versions={versions} auth={session.auth} actions={actions} onCommitment={onCommitment} />
    </div>
  );
}
