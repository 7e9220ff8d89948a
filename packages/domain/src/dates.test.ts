import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dateField, daysBetween, formatDateEs, isCalendarDate, mexicoDayOfInstant } from './dates';

describe('calendar dates', () => {
  it('recognises real dates only', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2027-2-1')).toBe(false);
    expect(isCalendarDate(null)).toBe(false);
  });

  it('adds days and months, clamping to the last day of a shorter month', () => {
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(addMonths('2027-02-15', 6)).toBe('2027-08-15');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2027-10-15', -8)).toBe('2027-02-15');
    expect(daysBetween('2027-02-15', '2027-08-15')).toBe(181);
  });

  it('writes dates in Mexican Spanish', () => {
    expect(formatDateEs('2027-02-01')).toBe('1 de febrero de 2027');
    expect(formatDateEs('2027-12-31')).toBe('31 de diciembre de 2027');
    expect(formatDateEs('mañana')).toBe('sin fecha');
  });

  it('reads an instant as a day in central Mexico (UTC−6)', () => {
    expect(mexicoDayOfInstant('2027-06-02T05:59:00.000Z')).toBe('2027-06-01');
    expect(mexicoDayOfInstant('2027-06-02T06:00:00.000Z')).toBe('2027-06-02');
  });

  it('gives a zod field one message for every failure', () => {
    const f = dateField('Fecha inválida.');
    expect(f.safeParse('2027-02-30').error?.issues[0]?.message).toBe('Fecha inválida.');
    expect(f.safeParse(3).error?.issues[0]?.message).toBe('Fecha inválida.');
    expect(f.parse('2027-02-28')).toBe('2027-02-28');
  });
});
