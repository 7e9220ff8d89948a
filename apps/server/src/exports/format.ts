/**
 * How exported documents show dates: Mexican Spanish, long form ("1 de febrero de 2027").
 * Calendar dates are read as dates (no time zone shift); instants are shown in central Mexico
 * time, the zone most municipalities use, and say so.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const dateFormat = new Intl.DateTimeFormat('es-MX', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const instantDateFormat = new Intl.DateTimeFormat('es-MX', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'America/Mexico_City',
});
const instantTimeFormat = new Intl.DateTimeFormat('es-MX', {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'America/Mexico_City',
});

/** Text shown where a date is missing. */
export const NO_DATE = 'sin fecha';

/** `2027-02-01` → `1 de febrero de 2027`; anything else that is not a date → {@link NO_DATE}. */
export function formatDate(isoDate: string | null | undefined): string {
  const m = ISO_DATE.exec(isoDate ?? '');
  if (!m) return NO_DATE;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  // Date.UTC rolls 2027-02-30 over to March; such a string is not a date.
  return d.toISOString().slice(0, 10) === isoDate ? dateFormat.format(d) : NO_DATE;
}

/** An instant as its date in central Mexico: `2026-11-20T18:30:00Z` → `20 de noviembre de 2026`. */
export function formatInstantDate(iso: string | null | undefined): string {
  const d = new Date(iso ?? '');
  return Number.isNaN(d.getTime()) ? NO_DATE : instantDateFormat.format(d);
}

/** An instant with its time: `20 de noviembre de 2026, 12:30 h (hora del centro de México)`. */
export function formatInstant(iso: string | null | undefined): string {
  const d = new Date(iso ?? '');
  if (Number.isNaN(d.getTime())) return NO_DATE;
  return `${instantDateFormat.format(d)}, ${instantTimeFormat.format(d)} h (hora del centro de México)`;
}

/** The validity of a PAM, as a sentence fragment. */
export function formatValidity(launchDate: string | null, validUntil: string | null): string {
  if (!launchDate) return 'Por definir: un año a partir del lanzamiento público';
  return `Del ${formatDate(launchDate)} al ${formatDate(validUntil)}`;
}
