import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../i18n';

const LABELS: Record<Language, string> = { es: 'Español', en: 'English' };

function isLanguage(v: string): v is Language {
  return (LANGUAGES as readonly string[]).includes(v);
}

/** A compact select that switches the interface between Spanish and English. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = i18n.language === 'en' ? 'en' : 'es';
  return (
    <label className="lang-switch" title={t('app.language')}>
      <span className="visually-hidden">{t('app.language')}</span>
      {/* The visible face is short (globe + "ES"); the real select lies over it, so the list shows full names. */}
      <span aria-hidden="true" className="lang-switch__face">
        <GlobeIcon />
        {current.toUpperCase()}
        <svg width="10" height="10" viewBox="0 0 10 10" fill="none" stroke="currentColor" strokeWidth="1.6">
          <path d="M2 3.5l3 3 3-3" />
        </svg>
      </span>
      <select
        data-testid="lang-switch"
        className="lang-switch__select"
        value={current}
        onChange={(e) => {
          if (isLanguage(e.target.value)) setLanguage(e.target.value);
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {LABELS[l]}
          </option>
        ))}
      </select>
    </label>
  );
}

function GlobeIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
      <circle cx="12" cy="12" r="9" />
      <path d="M3 12h18M12 3a14 14 0 0 1 0 18M12 3a14 14 0 0 0 0 18" />
    </svg>
  );
}
