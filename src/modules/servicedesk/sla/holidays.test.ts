// Norwegian holidays: Easter by the Gregorian computus against published dates, the twelve closed days,
// coinciding holidays, and the configurable half days.
import { describe, expect, it } from 'vitest';
import {
  dayNumber, easterSunday, halfDayClosing, isNorwegianHoliday, isoFromDayNumber, isoWeekday, minutesOf, norwegianHolidays,
} from './holidays.js';

describe('easterSunday', () => {
  it.each([
    [1818, '1818-03-22'], [1943, '1943-04-25'], [2000, '2000-04-23'], [2008, '2008-03-23'], [2011, '2011-04-24'],
    [2019, '2019-04-21'], [2024, '2024-03-31'], [2025, '2025-04-20'], [2026, '2026-04-05'], [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('Easter %i is %s', (year, date) => {
    expect(isoFromDayNumber(easterSunday(year))).toBe(date);
    expect(isoWeekday(easterSunday(year))).toBe(7);
  });

  it('is always a Sunday between 22 March and 25 April', () => {
    for (let year = 1700; year <= 2400; year++) {
      const iso = isoFromDayNumber(easterSunday(year));
      expect(isoWeekday(easterSunday(year))).toBe(7);
      expect(iso.slice(5) >= '03-22' && iso.slice(5) <= '04-25', iso).toBe(true);
    }
  });
});

describe('norwegianHolidays', () => {
  it('lists the twelve days of 2025', () => {
    expect(norwegianHolidays(2025)).toEqual([
      { date: '2025-01-01', name: 'Første nyttårsdag' },
      { date: '2025-04-17', name: 'Skjærtorsdag' },
      { date: '2025-04-18', name: 'Langfredag' },
      { date: '2025-04-20', name: 'Første påskedag' },
      { date: '2025-04-21', name: 'Andre påskedag' },
      { date: '2025-05-01', name: 'Offentlig høytidsdag' },
      { date: '2025-05-17', name: 'Grunnlovsdag' },
      { date: '2025-05-29', name: 'Kristi himmelfartsdag' },
      { date: '2025-06-08', name: 'Første pinsedag' },
      { date: '2025-06-09', name: 'Andre pinsedag' },
      { date: '2025-12-25', name: 'Første juledag' },
      { date: '2025-12-26', name: 'Andre juledag' },
    ]);
  });

  it('lists a date once when two holidays fall on it', () => {
    // 2008: Easter 23 March, so Kristi himmelfartsdag (+39) is 1 May.
    const y2008 = norwegianHolidays(2008);
    expect(y2008).toHaveLength(11);
    expect(y2008.find((h) => h.date === '2008-05-01')!.name).toBe('Offentlig høytidsdag / Kristi himmelfartsdag');
    // 2012: Easter 8 April, so Kristi himmelfartsdag is 17 May.
    expect(norwegianHolidays(2012).find((h) => h.date === '2012-05-17')!.name).toBe('Grunnlovsdag / Kristi himmelfartsdag');
  });

  it('answers for single dates in any year', () => {
    expect(isNorwegianHoliday(dayNumber(2024, 3, 28))).toBe(true); // skjærtorsdag 2024
    expect(isNorwegianHoliday(dayNumber(2024, 5, 20))).toBe(true); // 2. pinsedag 2024
    expect(isNorwegianHoliday(dayNumber(2024, 5, 21))).toBe(false);
    expect(isNorwegianHoliday(dayNumber(2099, 12, 26))).toBe(true);
    expect(isNorwegianHoliday(dayNumber(2025, 12, 24))).toBe(false); // julaften is not a public holiday
  });
});

describe('half days', () => {
  const all = { julaften: '12:00', nyttarsaften: '13:00', onsdagForSkjaertorsdag: '12:00' };
  it('closes early only on configured days', () => {
    expect(halfDayClosing(dayNumber(2025, 12, 24), all)).toBe(720);
    expect(halfDayClosing(dayNumber(2025, 12, 31), all)).toBe(780);
    expect(halfDayClosing(dayNumber(2025, 4, 16), all)).toBe(720); // the Wednesday before 17 April 2025
    expect(halfDayClosing(dayNumber(2025, 4, 15), all)).toBeNull();
    expect(halfDayClosing(dayNumber(2025, 12, 24), {})).toBeNull();
    expect(halfDayClosing(dayNumber(2025, 12, 24), undefined)).toBeNull();
  });

  it('reads times strictly', () => {
    expect(minutesOf('08:15')).toBe(495);
    expect(minutesOf('24:00')).toBe(1440);
    expect(() => minutesOf('8:15')).toThrow();
    expect(() => minutesOf('24:30')).toThrow();
  });
});
