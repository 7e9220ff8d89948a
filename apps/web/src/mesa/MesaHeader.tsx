import type { Mesa } from '@cocrea/domain';
import type { ReactNode } from 'react';
import { Brand } from '../ui/Brand';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { ShareLink } from './ShareLink';

interface Props {
  mesa: Mesa;
  joinUrl: string;
  /** Status line and presence list, once connected. */
  children?: ReactNode;
}

/** The mesa page header: title, temática, share link, and (once joined) status and presence. */
export function MesaHeader({ mesa, joinUrl, children }: Props) {
  return (
    <header className="mesa-header">
      <div className="mesa-header__main">
        <Brand />
        <div className="mesa-header__titles">
          <h1 className="mesa-header__title">{mesa.title}</h1>
          <span className="chip chip--topic">{mesa.topic}</span>
        </div>
        <LanguageSwitch />
      </div>
      <div className="mesa-header__tools">
        <ShareLink url={joinUrl} />
        {children}
      </div>
    </header>
  );
}
