import type { Mesa } from '@cocrea/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Brand } from '../ui/Brand';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { MainNav } from '../ui/MainNav';
import { ShareLink } from './ShareLink';

interface Props {
  mesa: Mesa;
  joinUrl: string;
  /** Status line and presence list, once connected. */
  children?: ReactNode;
}

/** The mesa page header: title, temática, share link, the way to its commitments, and (once joined) status and presence. */
export function MesaHeader({ mesa, joinUrl, children }: Props) {
  const { t } = useTranslation();
  return (
    <header className="mesa-header">
      <div className="mesa-header__main">
        <Brand />
        <div className="mesa-header__titles">
          <h1 className="mesa-header__title">{mesa.title}</h1>
          <span className="chip chip--topic">{mesa.topic}</span>
        </div>
        <MainNav className="main-nav--wide" />
        <LanguageSwitch />
      </div>
      <div className="mesa-header__tools">
        <Link href={`/mesas/${encodeURIComponent(mesa.id)}/compromisos`} className="button button--small button--accent" data-testid="commitments-link">
          {t('commitments.link')}
        </Link>
        <ShareLink url={joinUrl} />
        {children}
      </div>
    </header>
  );
}
