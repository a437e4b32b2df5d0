// Business-hours and 24/7 calendars: wall-clock times across both DST changes, weekends, holidays,
// half days, and the two operations the SLA needs (time between, time after).
import { describe, expect, it } from 'vitest';
import {
  ALWAYS_CALENDAR, DEMO_BUSINESS_CALENDAR, addBusinessTime, businessMillisBetween, compileCalendar, isOpenAt, zonedTime,
} from './calendar.js';

const H = 3_600_000;
const M = 60_000;
const oslo = (iso: string) => zonedTime('Europe/Oslo', iso);
const business = compileCalendar(DEMO_BUSINESS_CALENDAR);
const always = compileCalendar(ALWAYS_CALENDAR);

describe('zoned wall-clock times', () => {
  it('uses CET in winter and CEST in summer', () => {
    expect(oslo('2025-01-15T08:00').toISOString()).toBe('2025-01-15T07:00:00.000Z');
    expect(oslo('2025-07-15T08:00').toISOString()).toBe('2025-07-15T06:00:00.000Z');
  });

  it('moves a time in the spring gap forward and takes the first of a repeated autumn hour', () => {
    // 30 March 2025: 02:00 CET becomes 03:00 CEST, so 02:30 does not exist; it reads as 03:30 CEST.
    expect(oslo('2025-03-30T02:30').toISOString()).toBe('2025-03-30T01:30:00.000Z');
    expect(oslo('2025-03-30T03:00').toISOString()).toBe('2025-03-30T01:00:00.000Z');
    // 26 October 2025: 03:00 CEST becomes 02:00 CET, so 02:30 happens twice; the first is 00:30Z.
    expect(oslo('2025-10-26T02:30').toISOString()).toBe('2025-10-26T00:30:00.000Z');
    expect(oslo('2025-10-26T03:00').toISOString()).toBe('2025-10-26T02:00:00.000Z');
  });
});

describe('the demo business calendar (08:00–15:30 Mon–Fri, Norwegian holidays, half days to 12:00)', () => {
  it('is 7 h 30 min a day', () => {
    expect(business.dayMillis).toBe(7.5 * H);
    expect(always.dayMillis).toBe(24 * H);
  });

  it('counts only opening hours', () => {
    // Mon 3 March 2025 07:00 → 16:00 holds one full day: 08:00–15:30 = 7 h 30 min.
    expect(businessMillisBetween(business, oslo('2025-03-03T07:00'), oslo('2025-03-03T16:00'))).toBe(7.5 * H);
    // Mon 10:15 → Wed 09:05: Mon 5 h 15 min + Tue 7 h 30 min + Wed 1 h 5 min = 13 h 50 min.
    expect(businessMillisBetween(business, oslo('2025-03-03T10:15'), oslo('2025-03-05T09:05'))).toBe(13 * H + 50 * M);
    expect(businessMillisBetween(business, oslo('2025-03-05T09:05'), oslo('2025-03-03T10:15'))).toBe(0);
  });

  it('skips a weekend', () => {
    // Fri 7 March 2025 15:00 → Mon 10 March 08:30: Fri 30 min + Mon 30 min = 1 h.
    expect(businessMillisBetween(business, oslo('2025-03-07T15:00'), oslo('2025-03-10T08:30'))).toBe(H);
    expect(addBusinessTime(business, oslo('2025-03-07T15:00'), H).toISOString()).toBe(oslo('2025-03-10T08:30').toISOString());
  });

  it('skips Easter', () => {
    // Wed 16 April 2025 15:00 → Tue 22 April 08:30: Wed 30 min, then Thu (skjærtorsdag), Fri (langfredag),
    // the weekend and Mon (2. påskedag) are closed, Tue 30 min = 1 h.
    expect(businessMillisBetween(business, oslo('2025-04-16T15:00'), oslo('2025-04-22T08:30'))).toBe(H);
  });

  it('closes at noon on julaften and nyttårsaften', () => {
    // Wed 24 Dec 2025: 08:00–12:00 = 4 h; Wed 31 Dec: also 4 h.
    expect(businessMillisBetween(business, oslo('2025-12-24T00:00'), oslo('2025-12-25T00:00'))).toBe(4 * H);
    expect(businessMillisBetween(business, oslo('2025-12-31T00:00'), oslo('2026-01-01T00:00'))).toBe(4 * H);
    // The whole of 22 Dec 2025 → 2 Jan 2026: Mon 22, Tue 23 (7.5 each), Wed 24 (4), 25–26 closed,
    // Mon 29, Tue 30 (7.5 each), Wed 31 (4), Thu 1 Jan closed = 7.5 × 4 + 4 + 4 = 38 h.
    expect(businessMillisBetween(business, oslo('2025-12-22T00:00'), oslo('2026-01-02T00:00'))).toBe(38 * H);
  });

  it('closes the Wednesday before Easter at noon only when configured', () => {
    const withWednesday = compileCalendar({ ...DEMO_BUSINESS_CALENDAR, halfDays: { onsdagForSkjaertorsdag: '12:00' } });
    expect(businessMillisBetween(withWednesday, oslo('2025-04-16T00:00'), oslo('2025-04-17T00:00'))).toBe(4 * H);
    expect(businessMillisBetween(business, oslo('2025-04-16T00:00'), oslo('2025-04-17T00:00'))).toBe(7.5 * H);
  });

  it('honours extra closed dates', () => {
    const closed = compileCalendar({ ...DEMO_BUSINESS_CALENDAR, closedDates: ['2025-03-04'] });
    expect(businessMillisBetween(closed, oslo('2025-03-03T00:00'), oslo('2025-03-06T00:00'))).toBe(15 * H);
  });

  it('keeps opening hours on local time across both DST changes', () => {
    // Fri 28 March 2025 15:00 CET (14:00Z) → Mon 31 March 09:00 CEST (07:00Z): 30 min + 1 h = 1 h 30 min,
    // though 65 real hours minus the lost hour passed.
    expect(businessMillisBetween(business, oslo('2025-03-28T15:00'), oslo('2025-03-31T09:00'))).toBe(1.5 * H);
    expect(addBusinessTime(business, oslo('2025-03-28T15:00'), 1.5 * H).toISOString()).toBe('2025-03-31T07:00:00.000Z');
    // Fri 24 Oct 2025 15:00 CEST (13:00Z) + 1 h → Mon 27 Oct 08:30 CET (07:30Z).
    expect(addBusinessTime(business, oslo('2025-10-24T15:00'), H).toISOString()).toBe('2025-10-27T07:30:00.000Z');
  });

  it('adds time from outside opening hours from the next opening, and ends at closing time exactly', () => {
    // Sat 8 March 2025 + 30 min → Mon 10 March 08:30.
    expect(addBusinessTime(business, oslo('2025-03-08T11:00'), 30 * M)).toEqual(oslo('2025-03-10T08:30'));
    // Mon 3 March 08:00 + 7 h 30 min → Mon 15:30, not Tue 08:00.
    expect(addBusinessTime(business, oslo('2025-03-03T08:00'), 7.5 * H)).toEqual(oslo('2025-03-03T15:30'));
    expect(addBusinessTime(business, oslo('2025-03-03T08:00'), 0)).toEqual(oslo('2025-03-03T08:00'));
  });

  it('is the inverse of businessMillisBetween', () => {
    const from = oslo('2024-12-20T13:17');
    for (const millis of [1, 37 * M, 3 * H, 7.5 * H, 20 * H, 100 * H, 1000 * H]) {
      const to = addBusinessTime(business, from, millis);
      expect(businessMillisBetween(business, from, to)).toBe(millis);
      expect(isOpenAt(business, new Date(to.getTime() - 1))).toBe(true);
    }
  });

  it('knows whether it is open', () => {
    expect(isOpenAt(business, oslo('2025-03-03T08:00'))).toBe(true);
    expect(isOpenAt(business, oslo('2025-03-03T15:30'))).toBe(false);
    expect(isOpenAt(business, oslo('2025-05-17T10:00'))).toBe(false);
    expect(isOpenAt(always, oslo('2025-05-17T03:00'))).toBe(true);
  });

  it('refuses a calendar that cannot work', () => {
    expect(() => compileCalendar({ kind: 'business', openingHours: [{ weekday: 1, open: '15:00', close: '08:00' }] })).toThrow();
    expect(() => compileCalendar({ kind: 'business', openingHours: [] })).toThrow();
    const never = compileCalendar({ kind: 'business', openingHours: [{ weekday: 1, open: '08:00', close: '09:00' }], closedDates: [], businessDayMinutes: 60 });
    expect(addBusinessTime(never, oslo('2025-03-04T08:00'), H)).toEqual(oslo('2025-03-10T09:00'));
  });
});

describe('the 24/7 calendar', () => {
  it('counts real elapsed time, so DST nights are 23 and 25 hours', () => {
    expect(businessMillisBetween(always, oslo('2025-03-30T00:00'), oslo('2025-03-31T00:00'))).toBe(23 * H);
    expect(businessMillisBetween(always, oslo('2025-10-26T00:00'), oslo('2025-10-27T00:00'))).toBe(25 * H);
    // 01:30 CET + 2 h on 30 March 2025 = 04:30 CEST on the wall clock.
    expect(addBusinessTime(always, oslo('2025-03-30T01:30'), 2 * H)).toEqual(oslo('2025-03-30T04:30'));
  });
});
