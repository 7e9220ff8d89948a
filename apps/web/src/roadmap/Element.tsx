import type { ReactNode } from 'react';

interface Props {
  /** The guide's number of the element (1–8), or a short mark. */
  mark: string;
  title: string;
  hint?: string;
  id: string;
  children: ReactNode;
}

/** One element of the hoja de ruta: its number, title, a hint and its fields. */
export function Element({ mark, title, hint, id, children }: Props) {
  return (
    <section className="element" aria-labelledby={id}>
      <h3 className="element__title" id={id}>
        <span className="element__mark" aria-hidden="true">
          {mark}
        </span>
        {title}
      </h3>
      {hint && <p className="element__hint">{hint}</p>}
      <div className="element__body">{children}</div>
    </section>
  );
}
