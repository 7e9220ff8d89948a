import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import es from './es.json';
import boardsEn from './room/boards.en.json';
import boardsEs from './room/boards.es.json';
import facilitationEn from './room/facilitation.en.json';
import facilitationEs from './room/facilitation.es.json';
import notesEn from './room/notes.en.json';
import notesEs from './room/notes.es.json';

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
  // The live session's strings (issue 11) live in files of their own, one per area of the room:
  // `room.facilitation.*`, `room.notes.*`, `room.boards.*`.
  resources: {
    es: { translation: { ...es, room: { facilitation: facilitationEs, notes: notesEs, boards: boardsEs } } },
    en: { translation: { ...en, room: { facilitation: facilitationEn, notes: notesEn, boards: boardsEn } } },
  },
  lng: storedLanguage(),
  fallbackLng: 'es',
  interpolation: { escapeValue: false },
  returnNull: false,
});
reflect(i18n.language);
i18n.on('languageChanged', reflect);

/** The configured i18next instance. */
export default i18n;
