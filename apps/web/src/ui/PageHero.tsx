interface Props {
  /** A short line above the title. */
  eyebrow?: string;
  title: string;
  intro: string;
}

/** The opening of a list page (`home__hero`): the page's title and what it is for. */
export function PageHero({ eyebrow, title, intro }: Props) {
  return (
    <section className="home__hero">
      {eyebrow !== undefined && <p className="eyebrow">{eyebrow}</p>}
      <h1>{title}</h1>
      <p>{intro}</p>
    </section>
  );
}
