import type { ReactNode } from 'react';
import { AppHeader } from './AppHeader';

interface Props {
  /** Under the app header, e.g. the mesa's bar. */
  bar?: ReactNode;
  /** The classes of `<main>`: `doc` unless told. */
  mainClassName?: string;
  children: ReactNode;
}

/** A page of the app but the canvas: the app header, an optional bar, then the main content. */
export function PageLayout({ bar, mainClassName = 'doc', children }: Props) {
  return (
    <div className="page">
      <AppHeader />
      {bar}
      <main className={mainClassName}>{children}</main>
    </div>
  );
}
