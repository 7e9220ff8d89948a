import { useTranslation } from 'react-i18next';
import type { MesaStatus } from '../api/accountTypes';
import type { MesaRole } from '../collab/mesaAuth';

/** Why the mesa's documents are read-only for this person, if they are. */
export type ReadOnlyReason = 'closed' | 'stm' | 'expert';

/** The closed mesa first (it binds everyone), then the roles that only read. */
export function readOnlyReason(role: MesaRole, status: MesaStatus): ReadOnlyReason | null {
  if (status === 'cerrada') return 'closed';
  return role === 'stm' || role === 'expert' ? role : null;
}

/** A quiet line above the canvas or roadmap: you can look, not change, and why. */
export function ReadOnlyNotice({ reason, className = 'tree-locked' }: { reason: ReadOnlyReason; className?: string }) {
  const { t } = useTranslation();
  return (
    <p className={`${className} read-only-notice`} role="status" data-testid="read-only-notice" data-reason={reason}>
      {t(`readOnly.${reason}`)}
    </p>
  );
}
