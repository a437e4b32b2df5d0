import { describe, expect, it } from 'vitest';
import { addWeeks, isRealWeek, mondayOf, weekAt, weekOfDate, weeksBetween } from './weeks.js';
import { standstillEndsAt, standstillLastDay, standstillOver } from './standstill.js';

describe('ISO weeks on the Oslo calendar', () => {
  it('puts the days of seed 000 in week 48 of 2023', () => {
    expect(weekOfDate('2023-11-27')).toBe('2023-W48');
    expect(weekOfDate('2023-12-03')).toBe('2023-W48');
    expect(weekOfDate('2023-12-04')).toBe('2023-W49');
    expect(mondayOf('2023-W48')).toBe('2023-11-27');
  });

  it('gives the days around New Year to the week-year of their Thursday', () => {
    expect(weekOfDate('2021-01-01')).toBe('2020-W53');
    expect(weekOfDate('2024-12-30')).toBe('2025-W01');
    expect(isRealWeek('2020-W53')).toBe(true);
    expect(isRealWeek('2021-W53')).toBe(false);
    expect(addWeeks('2020-W52', 2)).toBe('2021-W01');
    expect(addWeeks('2024-W01', -1)).toBe('2023-W52');
  });

  it('reads an instant in Oslo, not in UTC', () => {
    // Sunday 23:30 UTC is already Monday 00:30 in Oslo: the next week.
    expect(weekAt(new Date('2023-12-03T23:30:00Z'))).toBe('2023-W49');
    expect(weekAt(new Date('2023-12-03T22:59:59Z'))).toBe('2023-W48');
  });

  it('lists the weeks between two, both included', () => {
    expect(weeksBetween('2023-W51', '2024-W02')).toEqual(['2023-W51', '2023-W52', '2024-W01', '2024-W02']);
    expect(weeksBetween('2024-W02', '2023-W51')).toEqual([]);
  });
});

describe('the standstill period', () => {
  // Seed 000 §2.6.3.1: «tildelingsbrev ble sendt ut fredag 1.desember … Karensperioden løper til 11.12.2023 kl 23.59».
  const sent = new Date('2023-12-01T14:05:00+01:00');

  it('ends at 23:59 Oslo time on the tenth day after the day of sending', () => {
    expect(standstillLastDay(sent, 10)).toBe('2023-12-11');
    expect(standstillEndsAt(sent, 10).toISOString()).toBe('2023-12-11T22:59:59.999Z');
  });

  it('counts from the Oslo day of sending, also when that is another day in UTC', () => {
    // 00:30 on 2 December in Oslo is still 1 December in UTC.
    expect(standstillLastDay(new Date('2023-12-01T23:30:00Z'), 10)).toBe('2023-12-12');
  });

  it('ends in summer time at 21:59:59.999 UTC', () => {
    expect(standstillEndsAt(new Date('2024-06-03T10:00:00+02:00'), 10).toISOString()).toBe('2024-06-13T21:59:59.999Z');
  });

  it('lets a contract be signed only after the last instant', () => {
    expect(standstillOver(sent, 10, new Date('2023-12-11T23:59:00+01:00'))).toBe(false);
    expect(standstillOver(sent, 10, new Date('2023-12-12T00:00:00+01:00'))).toBe(true);
  });
});
