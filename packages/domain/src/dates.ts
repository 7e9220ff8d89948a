import { z } from 'zod';
import { isoDate } from './roadmap';

/**
 * Calendar arithmetic on `YYYY-MM-DD` strings, in UTC so that no time zone shifts a day. The
 * exercise's rules ("a los seis meses", "al concluir el año") are about calendar dates, never
 * instants.
 */

const MONTHS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];

const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const toDay = (d: Date) => d.toISOString().slice(0, 10);

/** Whether `s` is a real calendar date written `YYYY-MM-DD`. */
export function isCalendarDate(s: string | null | undefined): s is string {
  return typeof s === 'string' && isoDate.safeParse(s).success && toDay(toDate(s)) === s;
}

/** `day` moved by `days` (negative goes back). */
export function addDays(day: string, days: number): string {
  const d = toDate(day);
  d.setUTCDate(d.getUTCDate() + days);
  return toDay(d);
}

/**
 * `day` moved by whole months; a day that does not exist in the target month is clamped to its
 * last day (`2027-08-31` + 6 months → `2028-02-29`), the way people count "seis meses".
 */
export function addMonths(day: string, months: number): string {
  const d = toDate(day);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return toDay(target);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toDate(to).getTime() - toDate(from).getTime()) / 86_400_000);
}

/**
 * `2027-02-01` → `1 de febrero de 2027`, for messages people read. Written out by hand (not
 * `Intl`) so messages are the same on every runtime and in every test.
 */
export function formatDateEs(day: string): string {
  if (!isCalendarDate(day)) return 'sin fecha';
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return `${d} de ${MONTHS[m - 1]} de ${y}`;
}

/**
 * The calendar date in the Estado de México of an ISO instant: central Mexico has kept UTC−6 all
 * year since daylight saving time ended in 2022, so a report stamped at 20:00 on the cut-off day
 * counts for that day, not the next.
 */
export function mexicoDayOfInstant(instant: string): string {
  return new Date(new Date(instant).getTime() - 6 * 3_600_000).toISOString().slice(0, 10);
}

/** A zod field for a calendar date (`YYYY-MM-DD`) whose every failure says `message`. */
export function dateField(message: string) {
  return z.string({ error: message }).refine(isCalendarDate, { error: message });
}
