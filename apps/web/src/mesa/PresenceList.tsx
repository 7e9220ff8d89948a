import { useTranslation } from 'react-i18next';
import type { Awareness } from '../collab/presenceState';
import { usePresence } from '../collab/usePresence';

/** Who is in the mesa: a colour dot and a name per person, yourself marked "(tú)". */
export function PresenceList({ awareness }: { awareness: Awareness | null }) {
  const { t } = useTranslation();
  const people = usePresence(awareness);
  return (
    <ul className="presence-list" data-testid="presence-list" aria-label={t('presence.title')}>
      {people.map((p) => (
        <li key={p.id} className="presence-item" data-testid="presence-item" data-self={p.isSelf ? 'true' : undefined} title={p.name}>
          <span className="presence-item__dot" style={{ backgroundColor: p.color }} aria-hidden="true">
            {initials(p.name)}
          </span>
          <span className="presence-item__name">
            {p.name}
            {p.isSelf && <span className="presence-item__you"> {t('presence.you')}</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '?';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}
