import type { ReactNode } from 'react';

interface Props {
  /** The id of the heading, which names the section. */
  titleId: string;
  title: string;
  children: ReactNode;
}

/** A card of a page (`card stack`), named by its `<h2>` title. */
export function CardSection({ titleId, title, children }: Props) {
  return (
    <section className="card stack" aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      {children}
    </section>
  );
}
