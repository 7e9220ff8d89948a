import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import es from './es.json';

/** Languages the interface is translated into; Mexican Spanish first. */
export const LANGUAGES = ['es', 'en'] as const;

/** One of {@link LANGUAGES}. */
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'cocrea:lang';

function storedLanguage(): Language {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'en' ? 'en' : 'es';
  } catch {
    return 'es';
  }
}

function reflect(lng: string): void {
  document.documentElement.lang = lng === 'en' ? 'en' : 'es-MX';
}

/** Switches the interface language and remembers it in this browser. */
export function setLanguage(lng: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Private mode: the choice simply is not remembered.
  }
  void i18n.changeLanguage(lng);
}

void i18n.use(initReactI18next).init({
  resources: { es: { translation: es }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'es',
  interpolation: { escapeValue: false },
  returnNull: false,
});
reflect(i18n.language);
i18n.on('languageChanged', reflect);

/** The configured i18next instance. */
export default i18n;
