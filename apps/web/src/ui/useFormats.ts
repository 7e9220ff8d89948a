import type { Stamp } from '@cocrea/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Date formatting in the interface language. */
export interface Formats {
  /** An instant (ISO 8601), e.g. "3 nov 2026, 10:15". */
  dateTime: (iso: string) => string;
  /** A calendar day (`YYYY-MM-DD`), e.g. "3 de noviembre de 2026"; never shifted by the time zone. */
  day: (isoDay: string) => string;
  /** "Ana López · 3 nov 2026, 10:15". */
  stamp: (s: Stamp) => string;
}

/** Formatters for dates and "who/when" stamps in the current language. */
export function useFormats(): Formats {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-US' : 'es-MX';
  return useMemo(() => {
    const dt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const d = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
    const dateTime = (iso: string) => {
      const v = new Date(iso);
      return Number.isNaN(v.getTime()) ? iso : dt.format(v);
    };
    const day = (isoDay: string) => {
      const v = new Date(`${isoDay}T00:00:00Z`);
      return Number.isNaN(v.getTime()) ? isoDay : d.format(v);
    };
    return { dateTime, day, stamp: (s: Stamp) => `${s.by.name} · ${dateTime(s.at)}` };
  }, [locale]);
}
