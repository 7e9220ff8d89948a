import type { ReactNode } from 'react';
import { AccountMenu } from '../session/AccountMenu';
import type { MesaHeading } from '../session/MesaGate';
import { Brand } from '../ui/Brand';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { MainNav } from '../ui/MainNav';

interface Props {
  /** `null` while not yet known. */
  mesa: MesaHeading | null;
  /** Once in: the way to the commitments, share link and controls for staff, status and presence. */
  children?: ReactNode;
}

/** The mesa page header: title and temática, navigation, the account, and (once in) the mesa's tools. */
export function MesaHeader({ mesa, children }: Props) {
  return (
    <header className="mesa-header">
      <div className="mesa-header__main">
        <Brand />
        <div className="mesa-header__titles">
          {mesa && <h1 className="mesa-header__title">{mesa.title}</h1>}
          {mesa && <span className="chip chip--topic">{mesa.topic}</span>}
        </div>
        <MainNav className="main-nav--wide" />
        <LanguageSwitch />
        <AccountMenu compact />
      </div>
      {children && <div className="mesa-header__tools">{children}</div>}
    </header>
  );
}
