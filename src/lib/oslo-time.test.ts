import { describe, expect, it } from 'vitest';
import { ZIsoDate, ZMonth } from './date-schemas.js';
import { formatDate, formatDateLong, formatDateTime, formatMonth, formatTime } from './norwegian-format.js';
import { osloDate, osloDayEdge, osloOffset } from './oslo-time.js';

describe('Oslo time', () => {
  it('puts an instant on the Norwegian calendar day, across midnight UTC', () => {
    expect(osloDate(new Date('2024-06-30T22:30:00Z'))).toBe('2024-07-01');
    expect(osloDate(new Date('2023-12-31T22:59:59Z'))).toBe('2023-12-31');
    expect(osloDate(new Date('2023-12-31T23:00:00Z'))).toBe('2024-01-01');
  });

  it('knows winter and summer time, and the edges of an Oslo day', () => {
    expect(osloOffset('2024-01-15')).toBe('+01:00');
    expect(osloOffset('2024-07-15')).toBe('+02:00');
    expect(osloDayEdge('2024-07-15', 'start').toISOString()).toBe('2024-07-14T22:00:00.000Z');
    expect(osloDayEdge('2024-01-15', 'end').toISOString()).toBe('2024-01-15T22:59:59.999Z');
  });
});

describe('Norwegian formats', () => {
  it('writes a calendar date as it stands and an instant on Oslo time', () => {
    expect(formatDate('2023-12-13')).toBe('13.12.2023');
    expect(formatDate(new Date('2024-06-30T22:30:00Z'))).toBe('01.07.2024');
    expect(formatDateTime('2023-12-13T07:15:00Z')).toBe('13.12.2023 08:15');
    expect(formatTime(new Date('2025-10-01T07:10:00Z'), { seconds: true })).toBe('09:10:00');
  });

  it('names months in bokmål, and in English for the English pages', () => {
    expect(formatDateLong('2024-03-01')).toBe('1. mars 2024');
    expect(formatDateLong('2024-03-01', 'en')).toBe('1 March 2024');
    expect(formatMonth('2023-10')).toBe('okt 2023');
    expect(formatMonth('2023-10', { long: true })).toBe('oktober 2023');
    expect(formatMonth('2023-05', { language: 'en' })).toBe('May 2023');
  });
});

describe('date and month schemas', () => {
  it('take a real ISO date and refuse others with one wording', () => {
    expect(ZIsoDate.safeParse('2024-02-29').success).toBe(true);
    expect(ZIsoDate.safeParse('2023-02-29').error?.issues[0]?.message).toBe('Datoen finnes ikke');
    expect(ZIsoDate.safeParse('13.12.2023').error?.issues.map((i) => i.message)).toEqual(['Dato som ÅÅÅÅ-MM-DD, f.eks. 2025-03-04']);
    expect(ZMonth.safeParse('2023-10').success).toBe(true);
    expect(ZMonth.safeParse('2023-13').success).toBe(false);
  });
});
