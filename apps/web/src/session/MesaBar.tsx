import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { MesaHeading } from './MesaGate';

interface Props {
  mesa: MesaHeading;
  /** Status line and presence, once connected. */
  children?: ReactNode;
}

/** Under the top bar on a mesa's compromisos pages: the mesa, a way back to its tree, status and presence. */
export function MesaBar({ mesa, children }: Props) {
  const { t } = useTranslation();
  return (
    <div className="mesa-bar">
      <div className="mesa-bar__titles">
        <Link href={`/mesas/${encodeURIComponent(mesa.id)}`} className="mesa-bar__back" data-testid="back-to-tree">
          ← {t('commitments.backToTree')}
        </Link>
        <span className="mesa-bar__title">{mesa.title}</span>
        <span className="chip chip--topic">{mesa.topic}</span>
      </div>
      {children && <div className="mesa-bar__tools">{children}</div>}
    </div>
  );
}
